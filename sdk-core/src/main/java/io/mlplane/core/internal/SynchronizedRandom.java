package io.mlplane.core.internal;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A seeded random source that many threads may share (jitter, fault injection). */
public final class SynchronizedRandom implements RandomGenerator {

    private final SplittableRandom random;

    private SynchronizedRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A shared source seeded with {@code seed}. */
    public static RandomGenerator seeded(long seed) {
        return new SynchronizedRandom(seed);
    }

    /** A shared source with an unpredictable seed. */
    public static RandomGenerator unseeded() {
        return new SynchronizedRandom(new SplittableRandom().nextLong());
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }
}
