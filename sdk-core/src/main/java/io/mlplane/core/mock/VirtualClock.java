package io.mlplane.core.mock;

import io.mlplane.core.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Virtual time for the mock backend. Nothing happens on its own: time moves only when someone
 * {@linkplain #sleep sleeps} on it (every mlplane wait does) or calls {@link #advance}. A sleep returns at once
 * after moving time forward, so a two-hour job completes in microseconds, deterministically.
 *
 * <p>Thread-safe. When several threads sleep, each moves the clock to at least its own wake-up time.
 */
public final class VirtualClock implements TimeSource {

    /** Where every virtual clock starts, so that test output is stable. */
    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private Instant now;

    private VirtualClock(Instant start) {
        this.now = start;
    }

    /** A clock at {@link #EPOCH}. */
    public static VirtualClock create() {
        return new VirtualClock(EPOCH);
    }

    /** A clock at {@code start}. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start == null"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /**
     * Moves time forward by {@code duration}.
     *
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + duration);
        }
        now = now.plus(duration);
        return now;
    }

    /** Returns at once after moving time to at least now + {@code duration}. */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sleeping on the virtual clock");
        }
        if (duration.isNegative()) {
            return;
        }
        synchronized (this) {
            now = now.plus(duration);
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now() + "]";
    }
}
