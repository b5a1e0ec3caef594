package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mlplane.training.Objective;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tuning job back from Katib: the Experiment's conditions, spec and {@code currentOptimalTrial}, and its
 * {@code Trial}s. After a stop (which Katib does not know), the trials' training jobs decide when it has ended.
 */
final class KatibDescriptions {

    private final KubernetesTrainingBackend training;

    KatibDescriptions(KubernetesTrainingBackend training) {
        this.training = training;
    }

    /** The tuning job that {@code experiment} and its {@code katibTrials} show. */
    @SuppressWarnings("unchecked")
    TuningJobDescription describe(GenericKubernetesResource experiment, List<GenericKubernetesResource> katibTrials) {
        Map<String, Object> spec = experiment.get("spec");
        Map<String, Object> objectiveSpec = (Map<String, Object>) spec.get("objective");
        String metric = String.valueOf(objectiveSpec.get("objectiveMetricName"));
        String named = Optional.ofNullable(KatibConditions.annotation(experiment, KatibExperiments.OBJECTIVE_METRIC)).orElse(metric);
        Objective objective = "maximize".equals(objectiveSpec.get("type")) ? Objective.maximize(named) : Objective.minimize(named);
        String stoppedAt = KatibConditions.annotation(experiment, KubernetesTuningBackend.STOPPED_AT);
        List<Trial> trials = new ArrayList<>(trials(katibTrials, metric, stoppedAt != null));
        Map<String, Object> status = KatibConditions.status(experiment);
        optimal(status, metric).filter(best -> trials.stream().noneMatch(t -> t.trainingJobName().equals(best.trainingJobName())))
                .ifPresent(trials::add);
        Map<String, Object> succeeded = KatibConditions.find(status, "Succeeded");
        Map<String, Object> failed = KatibConditions.find(status, "Failed");
        TuningJobStatus state;
        String failure = null;
        Instant end = KatibConditions.time(status.get("completionTime"));
        if (succeeded != null) {
            state = TuningJobStatus.COMPLETED;
        } else if (failed != null) {
            state = TuningJobStatus.FAILED;
            failure = String.valueOf(failed.getOrDefault("message", failed.getOrDefault("reason", "ExperimentFailed")));
        } else if (stoppedAt != null) {
            boolean ended = trials.stream().allMatch(t -> t.status().isTerminal());
            state = ended ? TuningJobStatus.STOPPED : TuningJobStatus.STOPPING;
            end = ended ? Instant.parse(stoppedAt) : null;
        } else {
            state = TuningJobStatus.IN_PROGRESS;
        }
        Number max = (Number) spec.get("maxTrialCount");
        Instant created = KatibConditions.time(experiment.getMetadata().getCreationTimestamp());
        if (created == null) {
            created = Optional.ofNullable(KatibConditions.time(status.get("startTime"))).orElse(Instant.EPOCH);
        }
        return new TuningJobDescription(experiment.getMetadata().getName(), state, objective, max == null ? 0 : max.intValue(),
                trials, failure, created, end);
    }

    /**
     * Katib's trials as SDK trials; after a stop, a trial Katib still counts as running is as its training job
     * shows it (Stopped once suspended), and one that is not suspended yet is suspended now.
     */
    private List<Trial> trials(List<GenericKubernetesResource> katibTrials, String metric, boolean stopRequested) {
        List<GenericKubernetesResource> ordered = katibTrials.stream()
                .sorted(Comparator.comparing((GenericKubernetesResource t) -> String.valueOf(t.getMetadata().getCreationTimestamp()))
                        .thenComparing(t -> t.getMetadata().getName()))
                .toList();
        Map<String, TrainingJobStatus> statuses = new LinkedHashMap<>();
        for (GenericKubernetesResource trial : ordered) {
            statuses.put(trial.getMetadata().getName(), KatibConditions.trialStatus(KatibConditions.status(trial)));
        }
        if (stopRequested) {
            List<String> running = statuses.entrySet().stream().filter(e -> !e.getValue().isTerminal()).map(Map.Entry::getKey).toList();
            if (!running.isEmpty()) {
                Map<String, TrainingJobDescription> jobs = training.describeAll(running);
                for (String name : running) {
                    TrainingJobDescription job = jobs.get(name);
                    if (job != null && job.status().isTerminal()) {
                        statuses.put(name, job.status());
                    } else if (job != null && job.status() == TrainingJobStatus.IN_PROGRESS) {
                        training.stop(name);
                    }
                }
            }
        }
        List<Trial> trials = new ArrayList<>();
        for (GenericKubernetesResource trial : ordered) {
            String name = trial.getMetadata().getName();
            trials.add(new Trial(name, KatibConditions.assignments(trial.get("spec")),
                    KatibConditions.latest(KatibConditions.status(trial), metric), statuses.get(name)));
        }
        return trials;
    }

    /**
     * Katib's {@code currentOptimalTrial}, as a trial: it outlives the best trial's {@code Trial} object, which
     * may have been cleaned up.
     */
    @SuppressWarnings("unchecked")
    private static Optional<Trial> optimal(Map<String, Object> status, String metric) {
        if (!(status.get("currentOptimalTrial") instanceof Map<?, ?> raw) || !(raw.get("bestTrialName") instanceof String name)
                || name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> optimal = (Map<String, Object>) raw;
        return Optional.of(new Trial(name, KatibConditions.assignments(optimal), KatibConditions.latest(optimal, metric),
                TrainingJobStatus.COMPLETED));
    }
}
