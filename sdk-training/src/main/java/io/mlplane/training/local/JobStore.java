package io.mlplane.training.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job records on disk ({@code <work>/jobs/<name>/job.json}), written on every status change, so that another
 * provider (in this JVM or a later one) on the same work directory sees the job. Each record names the process
 * that runs the job; a job whose process is gone while the record says it is in progress is reported as
 * failed, not as in progress forever.
 */
final class JobStore {

    private static final ObjectMapper JSON = RecordFiles.JSON;

    private final Path jobs;

    JobStore(Path workDirectory) {
        this.jobs = workDirectory.resolve("jobs");
    }

    Path jobDirectory(String name) {
        return jobs.resolve(name);
    }

    /**
     * Writes the job's record. Saves of one job are serialized on its state, so that two threads (a stop request
     * and the runner) never interleave and an older snapshot never overwrites a newer one.
     */
    void save(LocalJobState state) {
        synchronized (state) {
            RecordFiles.write(jobDirectory(state.name).resolve("job.json"), record(state));
        }
    }

    private JsonNode record(LocalJobState state) {
        TrainingJobDescription d = state.describe();
        ObjectNode record = JSON.createObjectNode();
        record.put("name", d.name());
        record.put("specHash", state.specHash);
        record.put("status", d.status().name());
        record.put("spot", d.spot());
        record.put("creationTime", d.creationTime().toString());
        if (d.endTime() != null) {
            record.put("endTime", d.endTime().toString());
        }
        record.put("trainingSeconds", d.trainingSeconds());
        record.put("billableSeconds", d.billableSeconds());
        if (d.failureReason() != null) {
            record.put("failureReason", d.failureReason());
        }
        if (d.modelArtifactUri() != null) {
            record.put("modelArtifactUri", d.modelArtifactUri());
        }
        ObjectNode metrics = record.putObject("finalMetrics");
        d.finalMetrics().forEach(metrics::put);
        ArrayNode series = record.putArray("metricSeries");
        for (LocalJobState.MetricPoint point : state.metricSeries()) {
            series.addObject().put("name", point.name()).put("value", point.value()).put("at", point.at().toString());
        }
        ArrayNode history = record.putArray("statusHistory");
        for (StatusTransition t : d.statusHistory()) {
            ObjectNode node = history.addObject().put("status", t.status().name()).put("start", t.startTime().toString())
                    .put("message", t.message());
            if (t.endTime() != null) {
                node.put("end", t.endTime().toString());
            }
        }
        RecordFiles.stampOwner(record);
        return record;
    }

    /** The recorded job named {@code name}, if any, as it is honestly known now. */
    Optional<LocalJobState> load(String name) {
        return RecordFiles.read(jobDirectory(name).resolve("job.json")).map(this::read);
    }

    /** The names of all recorded jobs. */
    List<String> names() {
        return RecordFiles.names(jobs, "job.json");
    }

    private LocalJobState read(JsonNode r) {
        TrainingJobStatus status = TrainingJobStatus.valueOf(r.path("status").asText());
        List<StatusTransition> history = new ArrayList<>();
        for (JsonNode t : r.path("statusHistory")) {
            history.add(new StatusTransition(SecondaryStatus.valueOf(t.path("status").asText()),
                    Instant.parse(t.path("start").asText()), t.has("end") ? Instant.parse(t.get("end").asText()) : null,
                    t.path("message").asText()));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        r.path("finalMetrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        List<LocalJobState.MetricPoint> series = new ArrayList<>();
        for (JsonNode point : r.path("metricSeries")) {
            series.add(new LocalJobState.MetricPoint(point.path("name").asText(), point.path("value").asDouble(),
                    Instant.parse(point.path("at").asText())));
        }
        LocalJobState state = LocalJobState.restored(r.path("name").asText(), r.path("specHash").asText(),
                r.path("spot").asBoolean(), Instant.parse(r.path("creationTime").asText()), status, history,
                r.has("failureReason") ? r.get("failureReason").asText() : null,
                r.has("modelArtifactUri") ? r.get("modelArtifactUri").asText() : null, metrics, series,
                r.has("endTime") ? Instant.parse(r.get("endTime").asText()) : null,
                r.path("trainingSeconds").asLong(), r.path("billableSeconds").asLong());
        if (!status.isTerminal() && !RecordFiles.ownerAlive(r)) {
            Instant now = Instant.now();
            state.failureReason("InternalError: the process that ran this job (pid " + r.path("ownerPid").asLong()
                    + ") ended while the job was in progress");
            state.end(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "The process running the job is gone", now, 0, 0);
            save(state);
        }
        return state;
    }
}
