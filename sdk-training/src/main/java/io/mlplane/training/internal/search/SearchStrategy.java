package io.mlplane.training.internal.search;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Proposes the hyperparameter values of the next trial from the trials so far. */
public interface SearchStrategy {

    /**
     * The next point to try.
     *
     * @param history finished trials, in the order they finished
     * @param pending points proposed but not finished yet (so parallel proposals can spread out)
     */
    Map<String, String> next(List<Observation> history, List<Map<String, String>> pending, RandomGenerator random);
}
