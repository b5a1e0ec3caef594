package io.mlplane.core;

import java.util.Objects;

/**
 * One environment variable for a container. A {@linkplain #secret() secret} one has its value redacted from
 * {@link #toString()}, plans and logs, and is sent to the backend only.
 *
 * @param name the variable's name
 * @param value the value; for a secret variable read it only to hand it to a backend
 * @param secret whether the value must never be shown
 */
public record EnvironmentVariable(String name, String value, boolean secret) {

    /** Rejects nulls. */
    public EnvironmentVariable {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
    }

    /** A plain variable. */
    public static EnvironmentVariable of(String name, String value) {
        return new EnvironmentVariable(name, value, false);
    }

    /** A variable whose value is a secret. */
    public static EnvironmentVariable secret(String name, String value) {
        return new EnvironmentVariable(name, value, true);
    }

    /** The value as it may appear in a plan: the value itself, or a {@link Secret} that prints redacted. */
    public Object planValue() {
        return secret ? Secret.of(value) : value;
    }

    @Override
    public String toString() {
        return name + "=" + (secret ? Secret.REDACTED : value);
    }
}
