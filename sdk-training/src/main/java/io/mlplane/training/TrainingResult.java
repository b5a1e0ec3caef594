package io.mlplane.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * What a training job reported when it reached a terminal status: returned by
 * {@link TrainingJob#awaitCompletion} whether the job completed, failed or was stopped. Call
 * {@link #orThrow()} to turn anything but success into an exception.
 *
 * @param jobName the job name
 * @param status the terminal status
 * @param secondaryStatus the final phase, for example {@link SecondaryStatus#MAX_RUNTIME_EXCEEDED}
 * @param modelArtifactUri where the trained model is, for a completed job; otherwise {@code null}
 * @param finalMetrics the final value of each metric
 * @param trainingSeconds the seconds the job ran
 * @param billableSeconds the seconds billed per instance
 * @param spot whether the job ran on managed spot capacity
 * @param failureReason why it failed, or {@code null}
 * @param statusHistory every phase it went through, oldest first
 * @param polls how many status polls the wait took
 */
public record TrainingResult(String jobName, TrainingJobStatus status, SecondaryStatus secondaryStatus,
        @Nullable String modelArtifactUri, Map<String, Double> finalMetrics, long trainingSeconds,
        long billableSeconds, boolean spot, @Nullable String failureReason, List<StatusTransition> statusHistory,
        int polls) {

    /** Copies the collections. */
    public TrainingResult {
        Objects.requireNonNull(jobName, "jobName == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(secondaryStatus, "secondaryStatus == null");
        finalMetrics = Map.copyOf(finalMetrics);
        statusHistory = List.copyOf(statusHistory);
    }

    /** The result of a terminal {@code description} reached after {@code polls} polls. */
    public static TrainingResult of(TrainingJobDescription description, int polls) {
        return new TrainingResult(description.name(), description.status(), description.secondaryStatus(),
                description.modelArtifactUri(), description.finalMetrics(), description.trainingSeconds(),
                description.billableSeconds(), description.spot(), description.failureReason(),
                description.statusHistory(), polls);
    }

    /** Whether the job completed successfully. */
    public boolean succeeded() {
        return status == TrainingJobStatus.COMPLETED;
    }

    /**
     * What managed spot training saved, in percent: {@code (1 - billable / training) * 100}, as SageMaker
     * computes it. Empty for on-demand jobs and jobs that never ran.
     */
    public OptionalDouble spotSavingsPercent() {
        if (!spot || trainingSeconds <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((1.0 - (double) billableSeconds / trainingSeconds) * 100.0);
    }

    /**
     * This result if the job completed.
     *
     * @throws TrainingFailedException if it failed or was stopped
     */
    public TrainingResult orThrow() {
        if (!succeeded()) {
            throw new TrainingFailedException(this);
        }
        return this;
    }
}
