package io.mlplane.training.kubernetes;

import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Kubeflow job's status the way mlplane reports it. Conditions are looked up by type (never by list
 * position). Training Operator v1: {@code Created} → Starting, {@code Running} → Training, {@code Restarting} →
 * Interrupted, {@code Succeeded} → Completed, {@code Failed} → Failed, {@code Suspended} → Stopped; Trainer v2:
 * {@code Complete} / {@code Failed} / {@code Suspended}. A failure with reason {@code DeadlineExceeded} is a stop
 * at the max runtime (or, on spot, the max wait), as on SageMaker; a suspend requested but not yet done is
 * Stopping. The history is the conditions in time order, so it holds each kind of phase once (Kubernetes
 * keeps one condition per type).
 */
final class KubeflowStatus {

    private KubeflowStatus() {
    }

    private record Condition(String type, boolean isTrue, @Nullable String reason, String message, Instant at) {
    }

    @SuppressWarnings("unchecked")
    static TrainingJobDescription describe(KubeflowApi api, Map<String, Object> job, Map<String, Double> metrics,
            @Nullable String podFailure) {
        Map<String, Object> metadata = (Map<String, Object>) job.getOrDefault("metadata", Map.of());
        Map<String, Object> spec = (Map<String, Object>) job.getOrDefault("spec", Map.of());
        Map<String, Object> status = (Map<String, Object>) job.getOrDefault("status", Map.of());
        Map<String, String> annotations = (Map<String, String>) metadata.getOrDefault("annotations", Map.of());
        String name = String.valueOf(metadata.get("name"));
        boolean spot = Boolean.parseBoolean(annotations.getOrDefault(TrainingManifests.SPOT, "false"));
        Instant created = instant(metadata.get("creationTimestamp")).orElse(Instant.EPOCH);

        List<Condition> conditions = new ArrayList<>();
        for (Object raw : (List<Object>) status.getOrDefault("conditions", List.of())) {
            Map<String, Object> c = (Map<String, Object>) raw;
            Instant at = instant(c.get("lastTransitionTime")).or(() -> instant(c.get("lastUpdateTime"))).orElse(created);
            conditions.add(new Condition(String.valueOf(c.get("type")), "True".equals(c.get("status")),
                    (String) c.get("reason"), c.get("message") == null ? "" : String.valueOf(c.get("message")), at));
        }
        conditions.sort(Comparator.comparing(Condition::at));

        List<StatusTransition> history = new ArrayList<>();
        for (Condition c : conditions) {
            SecondaryStatus phase = phase(api, c, spot);
            if (phase != null) {
                history.add(new StatusTransition(phase, c.at, null, c.message.isEmpty() ? c.type : c.message));
            }
        }
        for (int i = 0; i + 1 < history.size(); i++) {
            StatusTransition t = history.get(i);
            history.set(i, new StatusTransition(t.status(), t.startTime(), history.get(i + 1).startTime(), t.message()));
        }

        String done = api == KubeflowApi.TRAINER_V2 ? "Complete" : "Succeeded";
        Optional<Condition> succeeded = find(conditions, done);
        Optional<Condition> failed = find(conditions, "Failed");
        Optional<Condition> suspended = find(conditions, "Suspended");
        TrainingJobStatus primary;
        SecondaryStatus secondary;
        String failureReason = null;
        if (succeeded.isPresent()) {
            primary = TrainingJobStatus.COMPLETED;
            secondary = SecondaryStatus.COMPLETED;
        } else if (failed.isPresent() && "DeadlineExceeded".equals(failed.get().reason)) {
            primary = TrainingJobStatus.STOPPED;
            secondary = spot ? SecondaryStatus.MAX_WAIT_TIME_EXCEEDED : SecondaryStatus.MAX_RUNTIME_EXCEEDED;
        } else if (failed.isPresent()) {
            primary = TrainingJobStatus.FAILED;
            secondary = SecondaryStatus.FAILED;
            failureReason = podFailure != null ? podFailure : failed.get().message;
        } else if (suspended.isPresent()) {
            primary = TrainingJobStatus.STOPPED;
            secondary = SecondaryStatus.STOPPED;
        } else if (suspendRequested(api, spec)) {
            primary = TrainingJobStatus.STOPPING;
            secondary = SecondaryStatus.STOPPING;
        } else {
            primary = TrainingJobStatus.IN_PROGRESS;
            secondary = history.isEmpty() ? SecondaryStatus.STARTING : current(api, conditions, spot);
        }
        Instant end = null;
        long seconds = 0;
        if (primary.isTerminal()) {
            end = instant(status.get("completionTime")).orElse(conditions.isEmpty() ? created : conditions.get(conditions.size() - 1).at);
            Instant start = instant(status.get("startTime")).orElse(created);
            seconds = Math.max(0, Duration.between(start, end).toSeconds());
            if (history.isEmpty() || history.get(history.size() - 1).status() != secondary) {
                history.add(new StatusTransition(secondary, end, end, secondary.wireName()));
            } else {
                StatusTransition last = history.remove(history.size() - 1);
                history.add(new StatusTransition(last.status(), last.startTime(), last.startTime(), last.message()));
            }
        }
        String artifact = primary == TrainingJobStatus.COMPLETED ? annotations.get(TrainingManifests.ARTIFACT) : null;
        return new TrainingJobDescription(name, primary, secondary, history, failureReason, artifact,
                primary == TrainingJobStatus.COMPLETED ? metrics : Map.of(), created, end, seconds, seconds, spot);
    }

    private static SecondaryStatus current(KubeflowApi api, List<Condition> conditions, boolean spot) {
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Condition c = conditions.get(i);
            SecondaryStatus phase = c.isTrue ? phase(api, c, spot) : null;
            if (phase != null) {
                return phase;
            }
        }
        return SecondaryStatus.STARTING;
    }

    private static @Nullable SecondaryStatus phase(KubeflowApi api, Condition c, boolean spot) {
        return switch (c.type) {
            case "Created" -> SecondaryStatus.STARTING;
            case "Running" -> SecondaryStatus.TRAINING;
            case "Restarting" -> SecondaryStatus.INTERRUPTED;
            case "Succeeded", "Complete" -> SecondaryStatus.COMPLETED;
            case "Failed" -> "DeadlineExceeded".equals(c.reason)
                    ? (spot ? SecondaryStatus.MAX_WAIT_TIME_EXCEEDED : SecondaryStatus.MAX_RUNTIME_EXCEEDED)
                    : SecondaryStatus.FAILED;
            case "Suspended" -> c.isTrue ? SecondaryStatus.STOPPED : null;
            default -> null;
        };
    }

    private static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions.stream().filter(c -> c.type.equals(type) && c.isTrue).reduce((a, b) -> b);
    }

    @SuppressWarnings("unchecked")
    static boolean suspendRequested(KubeflowApi api, Map<String, Object> spec) {
        Object suspend = api == KubeflowApi.TRAINER_V2 ? spec.get("suspend")
                : ((Map<String, Object>) spec.getOrDefault("runPolicy", Map.of())).get("suspend");
        return Boolean.TRUE.equals(suspend);
    }

    private static Optional<Instant> instant(@Nullable Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(String.valueOf(value)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
