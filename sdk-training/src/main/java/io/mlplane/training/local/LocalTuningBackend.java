package io.mlplane.training.local;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.local.LocalContext;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.TuningSpecMap;
import io.mlplane.training.spi.TuningBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuning jobs on this machine: each runs a {@link LocalTuningRun} on its own thread, whose trials are ordinary
 * local training jobs (named after the template, {@code <template>-001}, …) in the same work directory. Tuning
 * jobs are kept in memory only: a new provider sees their trials, not the tuning jobs themselves.
 */
final class LocalTuningBackend implements TuningBackend {

    private final LocalTrainingBackend training;
    private final Map<String, LocalTuningRun> runs = new ConcurrentHashMap<>();

    LocalTuningBackend(LocalContext local) {
        this.training = new LocalTrainingBackend(local);
        local.onClose(() -> runs.values().forEach(LocalTuningRun::requestStop));
    }

    @Override
    public List<PlannedRequest> plan(TuningJobSpec spec) {
        List<PlannedRequest> trial = training.plan(spec.trainingTemplate().toBuilder()
                .name(spec.trainingTemplate().name() + "-001").build());
        Map<String, Object> body = new LinkedHashMap<>(TuningSpecMap.of(spec));
        body.put("firstTrial", trial.get(0).body());
        return List.of(new PlannedRequest("local", "RunTuningJob", body));
    }

    @Override
    public synchronized TuningJobDescription create(TuningJobSpec spec) {
        plan(spec);
        LocalTuningRun existing = runs.get(spec.name());
        if (existing != null) {
            if (!existing.spec().equals(spec)) {
                throw new ConflictException("local", "tuning job '" + spec.name() + "' already exists with a different spec");
            }
            return existing.describe();
        }
        LocalTuningRun run = new LocalTuningRun(spec, training);
        runs.put(spec.name(), run);
        Thread thread = new Thread(run, "mlplane-local-tuning-" + spec.name());
        thread.setDaemon(true);
        thread.start();
        return run.describe();
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        LocalTuningRun run = runs.get(name);
        return run == null ? Optional.empty() : Optional.of(run.describe());
    }

    @Override
    public List<String> listNames() {
        return new ArrayList<>(runs.keySet()).stream().sorted().toList();
    }

    @Override
    public void stop(String name) {
        LocalTuningRun run = runs.get(name);
        if (run == null) {
            throw new ResourceNotFoundException("local", "tuning job '" + name + "' does not exist");
        }
        run.requestStop();
    }
}
