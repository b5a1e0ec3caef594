package io.mlplane.training.local;

import io.mlplane.training.Objective;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a local tuning job is, as kept on disk: enough to describe it from another provider or a later process.
 * The trials' statuses and objective values come from their own (persistent) training job records.
 *
 * @param name the tuning job's name
 * @param specHash identifies the spec, for idempotent submits
 * @param objective the objective
 * @param maxTrials the trial budget
 * @param status the tuning job's status
 * @param failureReason why it failed, or null
 * @param created when it was submitted
 * @param end when it ended, or null
 * @param trials the trials started so far, in order
 */
record TuningRecord(String name, String specHash, Objective objective, int maxTrials, TuningJobStatus status,
        @Nullable String failureReason, Instant created, @Nullable Instant end, List<TrialPoint> trials) {

    /** A started trial: its training job and its hyperparameters. */
    record TrialPoint(String name, Map<String, String> hyperparameters) {
    }

    TuningRecord {
        trials = List.copyOf(trials);
    }

    /** The description, with each trial as its training job shows it now. */
    TuningJobDescription describe(LocalTrainingBackend training) {
        List<Trial> seen = new ArrayList<>();
        for (TrialPoint trial : trials) {
            training.describe(trial.name()).ifPresent(d -> seen.add(new Trial(trial.name(), trial.hyperparameters(),
                    d.status() == TrainingJobStatus.COMPLETED ? d.finalMetrics().get(objective.metric()) : null,
                    d.status())));
        }
        return new TuningJobDescription(name, status, objective, maxTrials, seen, failureReason, created, end);
    }
}
