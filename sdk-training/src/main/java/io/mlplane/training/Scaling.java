package io.mlplane.training;

/** How a tuner searches a numeric range. */
public enum Scaling {
    /** The tuner decides. */
    AUTO("Auto"),
    /** Uniformly over the range. */
    LINEAR("Linear"),
    /** Uniformly over the logarithm of the range; needs a minimum above 0. */
    LOGARITHMIC("Logarithmic"),
    /** Dense close to 1; continuous ranges within [0, 1) only. */
    REVERSE_LOGARITHMIC("ReverseLogarithmic");

    private final String wireName;

    Scaling(String wireName) {
        this.wireName = wireName;
    }

    /** SageMaker's name for the scaling. */
    public String wireName() {
        return wireName;
    }
}
