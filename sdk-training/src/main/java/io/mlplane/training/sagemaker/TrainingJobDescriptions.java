package io.mlplane.training.sagemaker;

import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;

/** SageMaker's answers as {@link TrainingJobDescription}s; unknown status names are read leniently. */
final class TrainingJobDescriptions {

    private TrainingJobDescriptions() {
    }

    static TrainingJobStatus status(String wireName) {
        for (TrainingJobStatus status : TrainingJobStatus.values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        // "Deleting" and anything newer: the job is leaving; treat it as still moving.
        return TrainingJobStatus.IN_PROGRESS;
    }

    static TrainingJobDescription of(DescribeTrainingJobResponse r) {
        TrainingJobStatus status = status(r.trainingJobStatusAsString());
        List<StatusTransition> history = r.secondaryStatusTransitions().stream()
                .map(t -> new StatusTransition(SecondaryStatus.fromWireName(t.statusAsString()), t.startTime(), t.endTime(),
                        t.statusMessage() == null ? "" : t.statusMessage()))
                .toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricData metric : r.finalMetricDataList()) {
            // The wire value is a 32-bit float: read it back as the decimal it was written as.
            metrics.put(metric.metricName(), Double.parseDouble(metric.value().toString()));
        }
        String artifact = status == TrainingJobStatus.COMPLETED && r.modelArtifacts() != null
                ? r.modelArtifacts().s3ModelArtifacts() : null;
        return new TrainingJobDescription(r.trainingJobName(), status,
                SecondaryStatus.fromWireName(r.secondaryStatusAsString() == null ? "" : r.secondaryStatusAsString()),
                history, r.failureReason(), artifact, metrics, r.creationTime(), status.isTerminal() ? r.trainingEndTime() : null,
                r.trainingTimeInSeconds() == null ? 0 : r.trainingTimeInSeconds(),
                r.billableTimeInSeconds() == null ? 0 : r.billableTimeInSeconds(),
                Boolean.TRUE.equals(r.enableManagedSpotTraining()));
    }

    /** A light description of a job still running, from its list summary. */
    static TrainingJobDescription of(TrainingJobSummary s) {
        return new TrainingJobDescription(s.trainingJobName(), status(s.trainingJobStatusAsString()),
                SecondaryStatus.fromWireName(s.secondaryStatusAsString() == null ? "" : s.secondaryStatusAsString()),
                List.of(), null, null, Map.of(), s.creationTime(), null, 0, 0, false);
    }
}
