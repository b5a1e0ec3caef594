package io.mlplane.training.internal.search;

import io.mlplane.training.Parameter;
import java.util.List;

/**
 * Maps parameter values to and from the unit interval in which strategies search: ranges through their scaling
 * (linear, logarithmic, reverse logarithmic), categorical values by index.
 */
public final class UnitSpace {

    private UnitSpace() {
    }

    /** The position of {@code value} in [0, 1]. */
    public static double toUnit(Parameter p, String value) {
        if (p.type() == Parameter.Type.CATEGORICAL) {
            int index = p.values().indexOf(value);
            return (index + 0.5) / p.values().size();
        }
        double x = Double.parseDouble(value);
        double min = p.min();
        double max = p.max();
        double u = switch (p.scaling()) {
            case LOGARITHMIC -> (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min));
            case REVERSE_LOGARITHMIC -> (Math.log(1 - min) - Math.log(1 - x)) / (Math.log(1 - min) - Math.log(1 - max));
            default -> (x - min) / (max - min);
        };
        return Math.max(0, Math.min(1, u));
    }

    /** The value at position {@code u} in [0, 1] (integers rounded, categories by index). */
    public static String fromUnit(Parameter p, double u) {
        double clamped = Math.max(0, Math.min(1, u));
        if (p.type() == Parameter.Type.CATEGORICAL) {
            List<String> values = p.values();
            return values.get(Math.min(values.size() - 1, (int) (clamped * values.size())));
        }
        double min = p.min();
        double max = p.max();
        double x = switch (p.scaling()) {
            case LOGARITHMIC -> Math.exp(Math.log(min) + clamped * (Math.log(max) - Math.log(min)));
            case REVERSE_LOGARITHMIC -> 1 - Math.exp(Math.log(1 - min) - clamped * (Math.log(1 - min) - Math.log(1 - max)));
            default -> min + clamped * (max - min);
        };
        if (p.type() == Parameter.Type.INTEGER) {
            x = Math.max(min, Math.min(max, Math.round(x)));
        }
        return p.format(x);
    }
}
