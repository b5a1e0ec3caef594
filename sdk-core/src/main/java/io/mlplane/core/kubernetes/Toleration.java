package io.mlplane.core.kubernetes;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pod toleration, as in the Kubernetes API.
 *
 * @param key the taint key
 * @param operator {@code Exists} or {@code Equal}
 * @param value the taint value for {@code Equal}, or {@code null}
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}, or {@code null} for any
 */
public record Toleration(String key, String operator, @Nullable String value, @Nullable String effect) {

    /** Rejects nulls where required. */
    public Toleration {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(operator, "operator == null");
    }

    /** Tolerates any taint with {@code key}. */
    public static Toleration exists(String key) {
        return new Toleration(key, "Exists", null, null);
    }
}
