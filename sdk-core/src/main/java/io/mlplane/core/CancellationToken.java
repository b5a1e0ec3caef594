package io.mlplane.core;

/**
 * Lets another thread end a wait early. Pass it in {@link WaitOptions}; {@link #cancel()} makes the wait throw
 * {@link WaitCancelledException} at its next tick. Cancelling a wait never stops the awaited resources.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    private CancellationToken() {
    }

    /** A fresh, not yet cancelled token. */
    public static CancellationToken create() {
        return new CancellationToken();
    }

    /** Requests cancellation of every wait using this token. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }
}
