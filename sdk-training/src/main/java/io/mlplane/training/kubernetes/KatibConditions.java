package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mlplane.training.TrainingJobStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads Katib's status objects: conditions accumulate in a list (looked up by type, {@code status: "True"}),
 * times are RFC 3339 strings and metric values are strings ({@code "unavailable"} when none was collected).
 */
final class KatibConditions {

    private KatibConditions() {
    }

    /** The condition of {@code type} if it is true, else null. */
    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> find(Map<String, Object> status, String type) {
        if (!(status.get("conditions") instanceof List<?> conditions)) {
            return null;
        }
        for (Object raw : conditions) {
            Map<String, Object> condition = (Map<String, Object>) raw;
            if (type.equals(condition.get("type")) && "True".equals(condition.get("status"))) {
                return condition;
            }
        }
        return null;
    }

    /** A trial's status: Succeeded → Completed; Failed or MetricsUnavailable → Failed; Killed or EarlyStopped → Stopped. */
    static TrainingJobStatus trialStatus(Map<String, Object> status) {
        if (find(status, "Succeeded") != null) {
            return TrainingJobStatus.COMPLETED;
        }
        if (find(status, "Failed") != null || find(status, "MetricsUnavailable") != null) {
            return TrainingJobStatus.FAILED;
        }
        if (find(status, "Killed") != null || find(status, "EarlyStopped") != null) {
            return TrainingJobStatus.STOPPED;
        }
        return TrainingJobStatus.IN_PROGRESS;
    }

    /** An annotation of {@code resource}, or null. */
    static @Nullable String annotation(GenericKubernetesResource resource, String key) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    /** A Katib object's status, or an empty map before its controller has written one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> status(GenericKubernetesResource resource) {
        return resource.get("status") instanceof Map<?, ?> status ? (Map<String, Object>) status : Map.of();
    }

    /** A list of {@code {name, value}} parameter assignments (of a trial's spec, or an optimal trial) as a map. */
    @SuppressWarnings("unchecked")
    static Map<String, String> assignments(Map<String, Object> holder) {
        Map<String, String> assignments = new LinkedHashMap<>();
        for (Object raw : (List<Object>) holder.getOrDefault("parameterAssignments", List.of())) {
            Map<String, Object> assignment = (Map<String, Object>) raw;
            assignments.put(String.valueOf(assignment.get("name")), String.valueOf(assignment.get("value")));
        }
        return assignments;
    }

    /** The latest observed value of {@code metric} in an object with an observation (a trial's status, an optimal trial), or null. */
    @SuppressWarnings("unchecked")
    static @Nullable Double latest(Map<String, Object> status, String metric) {
        if (!(status.get("observation") instanceof Map<?, ?> observation)
                || !(observation.get("metrics") instanceof List<?> metrics)) {
            return null;
        }
        for (Object raw : metrics) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (metric.equals(m.get("name"))) {
                try {
                    return Double.valueOf(String.valueOf(m.get("latest")));
                } catch (NumberFormatException unavailable) {
                    return null;
                }
            }
        }
        return null;
    }

    /** An RFC 3339 time, or null. */
    static @Nullable Instant time(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
