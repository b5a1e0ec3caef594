package io.mlplane.training;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a metric at a point in a training job's run, as its metric definitions extracted it from the
 * job's output: the time series behind the final metrics.
 *
 * @param name the metric name
 * @param value the value
 * @param timestamp when the job reported it
 */
public record MetricSample(String name, double value, Instant timestamp) {

    /** Rejects nulls. */
    public MetricSample {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(timestamp, "timestamp == null");
    }
}
