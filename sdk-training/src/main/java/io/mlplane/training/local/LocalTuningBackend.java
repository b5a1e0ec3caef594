package io.mlplane.training.local;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.local.LocalContext;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.SpecHash;
import io.mlplane.training.internal.TuningSpecMap;
import io.mlplane.training.spi.TuningBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuning jobs on this machine: each runs a {@link LocalTuningRun} on its own thread, whose trials are ordinary
 * local training jobs (named after the template, {@code <template>-001}, …) in the same work directory. Tuning
 * jobs are recorded there too ({@link TuningStore}), so a later provider describes, lists and resubmits them; a
 * run does not outlive its provider (closing it stops the run's trials, and a run whose process is gone is
 * reported as failed).
 */
final class LocalTuningBackend implements TuningBackend {

    private final LocalTrainingBackend training;
    private final TuningStore store;
    private final Map<String, LocalTuningRun> runs = new ConcurrentHashMap<>();

    LocalTuningBackend(LocalContext local) {
        this.training = new LocalTrainingBackend(local);
        this.store = new TuningStore(local.config().workDirectory());
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
        String hash = SpecHash.of(TuningSpecMap.of(spec));
        LocalTuningRun existing = runs.get(spec.name());
        Optional<TuningRecord> recorded = existing != null ? Optional.of(existing.record()) : store.load(spec.name());
        if (recorded.isPresent()) {
            if (!recorded.get().specHash().equals(hash)) {
                throw new ConflictException("local", "tuning job '" + spec.name() + "' already exists with a different spec");
            }
            return existing != null ? existing.describe() : recorded.get().describe(training);
        }
        LocalTuningRun run = new LocalTuningRun(spec, hash, training, store);
        runs.put(spec.name(), run);
        Thread thread = new Thread(run, "mlplane-local-tuning-" + spec.name());
        thread.setDaemon(true);
        thread.start();
        return run.describe();
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        LocalTuningRun run = runs.get(name);
        return run != null ? Optional.of(run.describe()) : store.load(name).map(r -> r.describe(training));
    }

    @Override
    public List<String> listNames() {
        Set<String> names = new TreeSet<>(store.names());
        names.addAll(runs.keySet());
        return List.copyOf(names);
    }

    @Override
    public void stop(String name) {
        LocalTuningRun run = runs.get(name);
        if (run != null) {
            run.requestStop();
            return;
        }
        TuningRecord record = store.load(name).orElseThrow(() ->
                new ResourceNotFoundException("local", "tuning job '" + name + "' does not exist"));
        if (!record.status().isTerminal()) {
            throw new ConflictException("local", "tuning job '" + name + "' is run by another provider on this work"
                    + " directory; stop it there (or close that provider)");
        }
    }
}
