package io.mlplane.core.internal;

import io.mlplane.core.TimeSource;
import java.time.Duration;
import java.time.Instant;

/** Wall-clock time. */
public enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
