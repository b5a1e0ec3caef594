package io.mlplane.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a tuning job reported when it ended: every trial, and the best one.
 *
 * @param jobName the tuning job's name
 * @param status the terminal status
 * @param trials every trial, in start order
 * @param bestTrial the best trial, or {@code null} if none reported the objective
 * @param failureReason why the job failed, or {@code null}
 * @param polls how many status polls the wait took
 */
public record TuningResult(String jobName, TuningJobStatus status, List<Trial> trials, @Nullable Trial bestTrial,
        @Nullable String failureReason, int polls) {

    /** Copies the trials. */
    public TuningResult {
        Objects.requireNonNull(jobName, "jobName == null");
        Objects.requireNonNull(status, "status == null");
        trials = List.copyOf(trials);
    }

    /** The result of a terminal {@code description} reached after {@code polls} polls. */
    public static TuningResult of(TuningJobDescription description, int polls) {
        return new TuningResult(description.name(), description.status(), description.trials(), description.bestTrial(),
                description.failureReason(), polls);
    }

    /** The best trial, if there is one. */
    public Optional<Trial> best() {
        return Optional.ofNullable(bestTrial);
    }

    /** Whether the tuning job completed. */
    public boolean succeeded() {
        return status == TuningJobStatus.COMPLETED;
    }
}
