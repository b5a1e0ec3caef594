package io.mlplane.training;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One trial of a tuning job: the training job it ran, the hyperparameter values it tried and what the objective
 * metric came out as.
 *
 * @param trainingJobName the trial's training job
 * @param hyperparameters the tuned values of this trial
 * @param objectiveValue the final objective metric, or {@code null} while unknown (or if it never reported)
 * @param status the trial's training job status
 */
public record Trial(String trainingJobName, Map<String, String> hyperparameters, @Nullable Double objectiveValue,
        TrainingJobStatus status) {

    /** Copies the hyperparameters. */
    public Trial {
        Objects.requireNonNull(trainingJobName, "trainingJobName == null");
        Objects.requireNonNull(status, "status == null");
        hyperparameters = Map.copyOf(hyperparameters);
    }
}
