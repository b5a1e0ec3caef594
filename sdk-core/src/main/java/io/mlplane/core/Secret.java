package io.mlplane.core;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A value that must never be printed: {@link #toString()}, plans and logs show {@value #REDACTED} instead.
 * Only the code that finally sends it to a backend calls {@link #reveal()}.
 */
public final class Secret {

    /** What is shown in place of a secret value. */
    public static final String REDACTED = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value == null"));
    }

    /** The real value; call it only where the value leaves the process for its backend. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                        other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
