package io.mlplane.training.internal.search;

import java.util.Map;

/**
 * A finished trial as a search strategy sees it.
 *
 * @param point the trial's hyperparameter values
 * @param score the objective, oriented so that larger is better (minimized metrics are negated)
 */
public record Observation(Map<String, String> point, double score) {

    /** Copies the point. */
    public Observation {
        point = Map.copyOf(point);
    }
}
