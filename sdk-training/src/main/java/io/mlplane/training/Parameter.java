package io.mlplane.training;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One hyperparameter a tuning job searches: a continuous or integer range (with a {@link Scaling}) or a set of
 * categorical values. Ranges are checked, with their field paths, when the {@link TuningJobSpec} is built.
 *
 * @param name the hyperparameter's name; it replaces the template's static value of that name
 * @param type what kind of values it takes
 * @param min the smallest value of a range, or {@code null} for categorical parameters
 * @param max the largest value of a range, or {@code null} for categorical parameters
 * @param values the values of a categorical parameter, empty for ranges
 * @param scaling how a range is searched
 */
public record Parameter(String name, Type type, @Nullable Double min, @Nullable Double max, List<String> values,
        Scaling scaling) {

    /** The kinds of parameter. */
    public enum Type {
        /** Any real number in the range. */
        CONTINUOUS,
        /** Any integer in the range. */
        INTEGER,
        /** One of the listed values. */
        CATEGORICAL
    }

    /** Rejects nulls and copies the values. */
    public Parameter {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(scaling, "scaling == null");
        values = List.copyOf(values);
    }

    /** Real values from {@code min} to {@code max}, scaled {@link Scaling#AUTO}. */
    public static Parameter continuous(String name, double min, double max) {
        return continuous(name, min, max, Scaling.AUTO);
    }

    /** Real values from {@code min} to {@code max}. */
    public static Parameter continuous(String name, double min, double max, Scaling scaling) {
        return new Parameter(name, Type.CONTINUOUS, min, max, List.of(), scaling);
    }

    /** Integers from {@code min} to {@code max}, scaled {@link Scaling#AUTO}. */
    public static Parameter integer(String name, long min, long max) {
        return integer(name, min, max, Scaling.AUTO);
    }

    /** Integers from {@code min} to {@code max}. */
    public static Parameter integer(String name, long min, long max, Scaling scaling) {
        return new Parameter(name, Type.INTEGER, (double) min, (double) max, List.of(), scaling);
    }

    /** One of {@code values}. */
    public static Parameter categorical(String name, String... values) {
        return new Parameter(name, Type.CATEGORICAL, null, null, List.of(values), Scaling.AUTO);
    }

    /** A value of this parameter as the string a training job receives. */
    public String format(double value) {
        if (type == Type.INTEGER) {
            return Long.toString(Math.round(value));
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
