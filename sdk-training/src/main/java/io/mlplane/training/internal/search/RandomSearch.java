package io.mlplane.training.internal.search;

import io.mlplane.training.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Independent uniform draws in each parameter's scaled unit interval. */
public final class RandomSearch implements SearchStrategy {

    private final List<Parameter> parameters;

    public RandomSearch(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public Map<String, String> next(List<Observation> history, List<Map<String, String>> pending, RandomGenerator random) {
        Map<String, String> point = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            point.put(p.name(), UnitSpace.fromUnit(p, random.nextDouble()));
        }
        return point;
    }
}
