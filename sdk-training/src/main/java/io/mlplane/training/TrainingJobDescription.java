package io.mlplane.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a training job as the backend reports it right now.
 *
 * @param name the job name
 * @param status the primary status
 * @param secondaryStatus the current phase
 * @param statusHistory every phase so far, oldest first
 * @param failureReason why the job failed, or {@code null}
 * @param modelArtifactUri where the trained model is, once the job completed; otherwise {@code null}
 * @param finalMetrics the final value of each metric, once known
 * @param creationTime when the job was created
 * @param endTime when it reached a terminal status, or {@code null}
 * @param trainingSeconds the seconds the job ran, once terminal (0 before)
 * @param billableSeconds the seconds billed per instance, once terminal (0 before)
 * @param spot whether the job runs on managed spot capacity
 */
public record TrainingJobDescription(String name, TrainingJobStatus status, SecondaryStatus secondaryStatus,
        List<StatusTransition> statusHistory, @Nullable String failureReason, @Nullable String modelArtifactUri,
        Map<String, Double> finalMetrics, Instant creationTime, @Nullable Instant endTime, long trainingSeconds,
        long billableSeconds, boolean spot) {

    /** Copies the collections. */
    public TrainingJobDescription {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(secondaryStatus, "secondaryStatus == null");
        Objects.requireNonNull(creationTime, "creationTime == null");
        statusHistory = List.copyOf(statusHistory);
        finalMetrics = Map.copyOf(finalMetrics);
    }

    /** The status as a short text such as {@code "InProgress/Training"}, for logs and wait events. */
    public String statusText() {
        return status.wireName() + "/" + secondaryStatus.wireName();
    }
}
