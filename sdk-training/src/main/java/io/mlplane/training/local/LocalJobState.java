package io.mlplane.training.local;

import io.mlplane.training.LogEvent;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the local backend knows about one job, changed by the job's runner and read by queries; every
 * method is synchronized. A snapshot is a {@link TrainingJobDescription}.
 */
final class LocalJobState {

    /** A value of a metric at a time, for the time series. */
    record MetricPoint(String name, double value, Instant at) {
    }

    final String name;
    final String specHash;
    final boolean spot;
    final Instant creationTime;
    private TrainingJobStatus status = TrainingJobStatus.IN_PROGRESS;
    private final List<StatusTransition> history = new ArrayList<>();
    private @Nullable String failureReason;
    private @Nullable String modelArtifactUri;
    private final Map<String, Double> finalMetrics = new LinkedHashMap<>();
    private final List<MetricPoint> series = new ArrayList<>();
    private final List<LogEvent> logs = new ArrayList<>();
    private @Nullable Instant endTime;
    private long trainingSeconds;
    private long billableSeconds;

    LocalJobState(String name, String specHash, boolean spot, Instant creationTime) {
        this.name = name;
        this.specHash = specHash;
        this.spot = spot;
        this.creationTime = creationTime;
    }

    /** Restores a state from its record. */
    static LocalJobState restored(String name, String specHash, boolean spot, Instant creationTime,
            TrainingJobStatus status, List<StatusTransition> history, @Nullable String failureReason,
            @Nullable String artifact, Map<String, Double> metrics, List<MetricPoint> series, @Nullable Instant end,
            long training, long billable) {
        LocalJobState state = new LocalJobState(name, specHash, spot, creationTime);
        state.series.addAll(series);
        state.status = status;
        state.history.addAll(history);
        state.failureReason = failureReason;
        state.modelArtifactUri = artifact;
        state.finalMetrics.putAll(metrics);
        state.endTime = end;
        state.trainingSeconds = training;
        state.billableSeconds = billable;
        return state;
    }

    synchronized void phase(SecondaryStatus secondary, String message, Instant at) {
        closeCurrent(at);
        history.add(new StatusTransition(secondary, at, null, message));
        if (secondary == SecondaryStatus.STOPPING) {
            status = TrainingJobStatus.STOPPING;
        }
    }

    synchronized void end(TrainingJobStatus terminal, SecondaryStatus secondary, String message, Instant at,
            long training, long billable) {
        closeCurrent(at);
        history.add(new StatusTransition(secondary, at, at, message));
        status = terminal;
        endTime = at;
        trainingSeconds = training;
        billableSeconds = billable;
    }

    private void closeCurrent(Instant at) {
        if (!history.isEmpty()) {
            StatusTransition last = history.get(history.size() - 1);
            if (last.endTime() == null) {
                history.set(history.size() - 1, new StatusTransition(last.status(), last.startTime(), at, last.message()));
            }
        }
    }

    synchronized void failureReason(String reason) {
        this.failureReason = reason;
    }

    synchronized void modelArtifactUri(String uri) {
        this.modelArtifactUri = uri;
    }

    synchronized void metric(String metric, double value, Instant at) {
        finalMetrics.put(metric, value);
        series.add(new MetricPoint(metric, value, at));
    }

    synchronized void log(LogEvent event) {
        logs.add(event);
    }

    synchronized boolean isTerminal() {
        return status.isTerminal();
    }

    synchronized TrainingJobStatus status() {
        return status;
    }

    synchronized List<LogEvent> logs() {
        return List.copyOf(logs);
    }

    synchronized List<MetricPoint> metricSeries() {
        return List.copyOf(series);
    }

    synchronized int interruptions() {
        return (int) history.stream().filter(t -> t.status() == SecondaryStatus.INTERRUPTED).count();
    }

    synchronized TrainingJobDescription describe() {
        SecondaryStatus secondary = history.isEmpty() ? SecondaryStatus.STARTING : history.get(history.size() - 1).status();
        return new TrainingJobDescription(name, status, secondary, history, failureReason, modelArtifactUri,
                finalMetrics, creationTime, endTime,
                trainingSeconds, billableSeconds, spot);
    }
}
