package io.mlplane.core;

import java.util.Objects;

/**
 * One problem found while validating a spec: the path of the offending field (for example
 * {@code channels[1].name} or {@code spot.maxWait}) and what is wrong with it.
 *
 * @param field the field path, dotted, with list indexes in brackets and map keys in brackets and quotes
 * @param message what is wrong, including the rejected value when it is not secret
 */
public record Violation(String field, String message) {

    /** Rejects nulls. */
    public Violation {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
