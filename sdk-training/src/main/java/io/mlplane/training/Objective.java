package io.mlplane.training;

import java.util.Objects;

/**
 * What a tuning job optimizes: one metric of the training template, to maximize or minimize. The metric must be
 * one of the template's metric definitions.
 *
 * @param metric the metric name, as in the template's metric definitions
 * @param maximize whether larger is better
 */
public record Objective(String metric, boolean maximize) {

    /** Rejects a null metric. */
    public Objective {
        Objects.requireNonNull(metric, "metric == null");
    }

    /** Larger values of {@code metric} are better. */
    public static Objective maximize(String metric) {
        return new Objective(metric, true);
    }

    /** Smaller values of {@code metric} are better. */
    public static Objective minimize(String metric) {
        return new Objective(metric, false);
    }

    /** Whether {@code candidate} is better than {@code incumbent}. */
    public boolean better(double candidate, double incumbent) {
        return maximize ? candidate > incumbent : candidate < incumbent;
    }
}
