package io.mlplane.core.spi;

import io.mlplane.core.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for drivers whose plan bodies are also what they send. */
public final class PlanBodies {

    private PlanBodies() {
    }

    /**
     * An insertion-ordered map of alternating keys and values, so that plan bodies print in a stable order
     * ({@code Map.of} iterates in an order that changes from run to run).
     */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A deep copy of {@code body} with every {@link Secret} replaced by its real value, for sending. */
    public static Map<String, Object> revealed(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, reveal(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object reveal(Object value) {
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof Map<?, ?> map) {
            return revealed((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanBodies::reveal).toList();
        }
        return value;
    }
}
