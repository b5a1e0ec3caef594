package io.mlplane.training;

import java.util.Objects;

/**
 * A metric to extract from the training logs: every log line matching {@code regex} yields a value of metric
 * {@code name} from the regex's first group, for example {@code validation:auc} with
 * {@code "validation-auc:([0-9\\.]+)"}.
 *
 * @param name the metric name, 1 to 255 characters
 * @param regex a Java/PCRE-compatible regular expression with one capturing group, 1 to 500 characters
 */
public record MetricDefinition(String name, String regex) {

    /** Rejects nulls; ranges are checked by {@link TrainingJobSpec}. */
    public MetricDefinition {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(regex, "regex == null");
    }

    /** A metric definition. */
    public static MetricDefinition of(String name, String regex) {
        return new MetricDefinition(name, regex);
    }
}
