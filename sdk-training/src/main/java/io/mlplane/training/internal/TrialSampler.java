package io.mlplane.training.internal;

import io.mlplane.training.Parameter;
import io.mlplane.training.TuningJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Hyperparameter values for trials: every combination of categorical values (grid search), or independent
 * random draws that honour each range's scaling: uniform ({@code Linear}, {@code Auto}), log-uniform
 * ({@code Logarithmic}), or log-uniform in the distance to 1 ({@code ReverseLogarithmic}, dense near 1).
 */
public final class TrialSampler {

    private TrialSampler() {
    }

    /** Every combination of the (categorical) parameters' values, the first parameter varying slowest. */
    public static List<Map<String, String>> grid(TuningJobSpec spec) {
        return grid(spec.parameters());
    }

    /** Every combination of the (categorical) parameters' values, the first parameter varying slowest. */
    public static List<Map<String, String>> grid(List<Parameter> parameters) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Parameter parameter : parameters) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> prefix : combinations) {
                for (String value : parameter.values()) {
                    Map<String, String> combination = new LinkedHashMap<>(prefix);
                    combination.put(parameter.name(), value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** One random draw for every parameter. */
    public static Map<String, String> random(TuningJobSpec spec, RandomGenerator random) {
        return random(spec.parameters(), random);
    }

    /** One random draw for every parameter. */
    public static Map<String, String> random(List<Parameter> parameters, RandomGenerator random) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), draw(parameter, random.nextDouble(), random));
        }
        return values;
    }

    /** The value of {@code parameter} at position {@code u} in [0, 1) of its scaled range. */
    public static String draw(Parameter parameter, double u, RandomGenerator random) {
        if (parameter.type() == Parameter.Type.CATEGORICAL) {
            List<String> values = parameter.values();
            return values.get(Math.min(values.size() - 1, (int) (u * values.size())));
        }
        double min = parameter.min();
        double max = parameter.max();
        double value = switch (parameter.scaling()) {
            case LOGARITHMIC -> Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
            case REVERSE_LOGARITHMIC -> 1 - Math.exp(Math.log(1 - max) + u * (Math.log(1 - min) - Math.log(1 - max)));
            default -> min + u * (max - min);
        };
        if (parameter.type() == Parameter.Type.INTEGER) {
            value = Math.max(min, Math.min(max, Math.floor(value + (u == 0 ? 0 : random.nextDouble()))));
        }
        return parameter.format(value);
    }
}
