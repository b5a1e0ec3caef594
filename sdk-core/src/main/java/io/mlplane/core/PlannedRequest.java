package io.mlplane.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request a submit would send: the target service (for example {@code "sagemaker"} or
 * {@code "kubernetes"}), the operation ({@code "CreateTrainingJob"}, {@code "create
 * kubeflow.org/v1/PyTorchJob"}) and the body in the backend's own wire form.
 *
 * <p>The body is a deeply immutable tree of maps (insertion-ordered), lists, strings, numbers, booleans and
 * {@link Secret}s; secrets print as {@value Secret#REDACTED}.
 *
 * @param service the target service
 * @param operation the operation
 * @param body the request body
 */
public record PlannedRequest(String service, String operation, Map<String, Object> body) {

    /** Copies the body deeply so the request stays immutable. */
    public PlannedRequest {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(operation, "operation == null");
        body = freezeMap(body);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlannedRequest::freeze).toList();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Secret) {
            return value;
        }
        throw new IllegalArgumentException("unsupported value in a planned request body: " + value.getClass());
    }

    private static Map<String, Object> freezeMap(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "body key == null"),
                freeze(Objects.requireNonNull(v, () -> "body value of '" + k + "' == null"))));
        return Collections.unmodifiableMap(copy);
    }
}
