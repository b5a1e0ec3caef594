package io.mlplane.training.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlplane.training.Objective;
import io.mlplane.training.TuningJobStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tuning job records on disk ({@code <work>/tuning/<name>/tuning.json}), written whenever a tuning job starts a
 * trial or changes status, so that another provider on the same work directory sees it. As with training jobs, a
 * record left in progress by a process that is gone is reported as failed.
 */
final class TuningStore {

    private static final String FILE = "tuning.json";

    private final Path root;

    TuningStore(Path workDirectory) {
        this.root = workDirectory.resolve("tuning");
    }

    void save(TuningRecord record) {
        ObjectNode node = RecordFiles.JSON.createObjectNode();
        node.put("name", record.name());
        node.put("specHash", record.specHash());
        node.putObject("objective").put("metric", record.objective().metric()).put("maximize", record.objective().maximize());
        node.put("maxTrials", record.maxTrials());
        node.put("status", record.status().name());
        if (record.failureReason() != null) {
            node.put("failureReason", record.failureReason());
        }
        node.put("creationTime", record.created().toString());
        if (record.end() != null) {
            node.put("endTime", record.end().toString());
        }
        var trials = node.putArray("trials");
        for (TuningRecord.TrialPoint trial : record.trials()) {
            ObjectNode t = trials.addObject().put("name", trial.name());
            trial.hyperparameters().forEach(t.putObject("hyperparameters")::put);
        }
        RecordFiles.stampOwner(node);
        RecordFiles.write(root.resolve(record.name()).resolve(FILE), node);
    }

    /** The recorded tuning job named {@code name}, if any, as it is honestly known now. */
    Optional<TuningRecord> load(String name) {
        return RecordFiles.read(root.resolve(name).resolve(FILE)).map(this::read);
    }

    List<String> names() {
        return RecordFiles.names(root, FILE);
    }

    private TuningRecord read(JsonNode r) {
        JsonNode objective = r.path("objective");
        List<TuningRecord.TrialPoint> trials = new ArrayList<>();
        for (JsonNode t : r.path("trials")) {
            Map<String, String> hyperparameters = new LinkedHashMap<>();
            t.path("hyperparameters").properties().forEach(e -> hyperparameters.put(e.getKey(), e.getValue().asText()));
            trials.add(new TuningRecord.TrialPoint(t.path("name").asText(), hyperparameters));
        }
        TuningRecord record = new TuningRecord(r.path("name").asText(), r.path("specHash").asText(),
                objective.path("maximize").asBoolean() ? Objective.maximize(objective.path("metric").asText())
                        : Objective.minimize(objective.path("metric").asText()),
                r.path("maxTrials").asInt(), TuningJobStatus.valueOf(r.path("status").asText()),
                r.has("failureReason") ? r.get("failureReason").asText() : null, Instant.parse(r.path("creationTime").asText()),
                r.has("endTime") ? Instant.parse(r.get("endTime").asText()) : null, trials);
        if (!record.status().isTerminal() && !RecordFiles.ownerAlive(r)) {
            record = new TuningRecord(record.name(), record.specHash(), record.objective(), record.maxTrials(),
                    TuningJobStatus.FAILED, "InternalError: the process that ran this tuning job (pid "
                            + r.path("ownerPid").asLong() + ") ended while it was in progress",
                    record.created(), Instant.now(), record.trials());
            save(record);
        }
        return record;
    }
}
