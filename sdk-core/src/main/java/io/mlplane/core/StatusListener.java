package io.mlplane.core;

/**
 * Receives status changes while a wait is in progress, for progress bars, logs or metrics. Called on the
 * waiting thread; keep it quick and do not throw.
 */
@FunctionalInterface
public interface StatusListener {

    /** A resource was seen in a new status. */
    void onStatusChange(StatusChange change);
}
