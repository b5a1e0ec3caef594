package io.mlplane.core;

import io.mlplane.core.internal.SystemTimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleeping that every wait in mlplane goes through. The system one is real time; the mock
 * backend's {@link io.mlplane.core.mock.VirtualClock} makes sleeping advance virtual time instantly, so a
 * two-hour training job completes in microseconds in a unit test.
 */
public interface TimeSource {

    /** The current instant. */
    Instant now();

    /**
     * Blocks for {@code duration} (or, on a virtual clock, advances time by it).
     *
     * @throws InterruptedException if the thread is interrupted while sleeping
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time: {@link java.time.Clock#systemUTC()} and {@link Thread#sleep}. */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
