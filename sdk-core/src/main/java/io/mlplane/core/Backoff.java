package io.mlplane.core;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for polling: the n-th delay is {@code min(maxDelay, initialDelay *
 * multiplier^n)}, then spread uniformly by {@code ±jitter} of itself so that many waiters do not poll in
 * lock step.
 *
 * @param initialDelay the first delay
 * @param maxDelay the cap on any delay
 * @param multiplier growth per attempt, at least 1
 * @param jitter the fraction of each delay to randomise, between 0 and 1
 */
public record Backoff(Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException if a delay is not positive, {@code maxDelay < initialDelay},
     *     {@code multiplier < 1} or {@code jitter} is outside {@code [0, 1)}
     */
    public Backoff {
        Objects.requireNonNull(initialDelay, "initialDelay == null");
        Objects.requireNonNull(maxDelay, "maxDelay == null");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " < initialDelay " + initialDelay);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
    }

    /** Backoff suited to long-running jobs: 2 s doubling up to 60 s, ±20 % jitter. */
    public static Backoff defaultBackoff() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 2.0, 0.2);
    }

    /** A fixed delay without jitter. */
    public static Backoff fixed(Duration delay) {
        return new Backoff(delay, delay, 1.0, 0.0);
    }

    /** The delay before poll number {@code attempt + 1} (attempt counts from 0). */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, Math.min(attempt, 64));
        double capped = Math.min(base, maxDelay.toNanos());
        double spread = jitter == 0.0 ? 0.0 : (random.nextDouble() * 2.0 - 1.0) * jitter * capped;
        return Duration.ofNanos(Math.max(1L, (long) (capped + spread)));
    }
}
