package io.mlplane.training.local;

import io.mlplane.core.MlException;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.internal.TrialSampler;
import io.mlplane.training.internal.search.Observation;
import io.mlplane.training.internal.search.RandomSearch;
import io.mlplane.training.internal.search.SearchStrategy;
import io.mlplane.training.internal.search.TpeSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one local tuning job: keeps up to {@code maxParallelTrials} trials running through the local training
 * backend, proposes each new trial with the strategy (grid: every combination; random; Bayesian: TPE;
 * Hyperband: random proposals with asynchronous successive halving), and stops trials early on their
 * intermediate objective values (Hyperband's rungs, or the median stopping rule when early stopping is on).
 */
final class LocalTuningRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTuningRun.class);
    private static final long TICK_MILLIS = 20;
    /** Hyperband keeps the best 1 / ETA of the trials at each rung. */
    private static final int ETA = 3;
    /** Median stopping judges a trial only after this many intermediate values. */
    private static final int MEDIAN_GRACE = 2;

    private record TrialState(String name, Map<String, String> point) {
    }

    private final TuningJobSpec spec;
    private final String specHash;
    private final LocalTrainingBackend training;
    private final TuningStore store;
    private final Instant created = Instant.now();
    private final List<TrialState> trials = new ArrayList<>();
    private final List<Observation> history = new ArrayList<>();
    private final Map<String, Integer> rungsPassed = new LinkedHashMap<>();
    private volatile boolean stopRequested;
    private volatile TuningJobStatus status = TuningJobStatus.IN_PROGRESS;
    private volatile @Nullable String failureReason;
    private volatile @Nullable Instant end;

    LocalTuningRun(TuningJobSpec spec, String specHash, LocalTrainingBackend training, TuningStore store) {
        this.spec = spec;
        this.specHash = specHash;
        this.training = training;
        this.store = store;
        store.save(record());
    }

    String specHash() {
        return specHash;
    }

    void requestStop() {
        if (!status.isTerminal()) {
            stopRequested = true;
            status = TuningJobStatus.STOPPING;
            store.save(record());
        }
    }

    @Override
    public void run() {
        try {
            search();
        } catch (RuntimeException e) {
            if (stopRequested) {
                LOG.debug("local tuning job '{}' stopped while starting a trial: {}", spec.name(), e.toString());
                finish(TuningJobStatus.STOPPED);
                return;
            }
            LOG.warn("local tuning job '{}' failed", spec.name(), e);
            failureReason = e instanceof MlException ? e.getMessage() : "InternalError: " + e;
            finish(TuningJobStatus.FAILED);
        }
    }

    private void search() {
        long seed = spec.randomSeed() != null ? spec.randomSeed() : spec.name().hashCode();
        List<Map<String, String>> grid = spec.strategy() == Strategy.GRID ? TrialSampler.grid(spec) : List.of();
        int total = spec.strategy() == Strategy.GRID ? grid.size() : spec.maxTrials();
        SearchStrategy strategy = spec.strategy() == Strategy.BAYESIAN ? new TpeSearch(spec.parameters())
                : new RandomSearch(spec.parameters());
        while (true) {
            List<TrialState> running = new ArrayList<>();
            for (TrialState trial : snapshot()) {
                TrainingJobDescription d = training.describe(trial.name()).orElseThrow();
                if (!d.status().isTerminal()) {
                    running.add(trial);
                }
            }
            if (stopRequested) {
                running.forEach(t -> training.stop(t.name()));
                if (running.isEmpty()) {
                    finish(TuningJobStatus.STOPPED);
                    return;
                }
            } else {
                stopEarly(running);
                int started = snapshot().size();
                while (running.size() < spec.maxParallelTrials() && started < total && predecessorsDone(started)) {
                    Map<String, String> point = grid.isEmpty() ? propose(strategy, started, seed) : grid.get(started);
                    TrialState trial = new TrialState(String.format("%s-%03d", spec.trainingTemplate().name(), started + 1), point);
                    Map<String, String> hyperparameters = new LinkedHashMap<>(spec.staticHyperparameters());
                    hyperparameters.putAll(point);
                    TrainingJobSpec trialSpec = spec.trainingTemplate().toBuilder().name(trial.name())
                            .hyperparameters(hyperparameters).build();
                    synchronized (this) {
                        trials.add(trial);
                    }
                    training.create(trialSpec);
                    store.save(record());
                    running.add(trial);
                    started++;
                }
                if (running.isEmpty() && started >= total) {
                    boolean anyValue = describe().trials().stream().anyMatch(t -> t.objectiveValue() != null);
                    if (!anyValue) {
                        failureReason = "No training job reported the objective metric '" + spec.objective().metric() + "'";
                    }
                    finish(anyValue ? TuningJobStatus.COMPLETED : TuningJobStatus.FAILED);
                    return;
                }
            }
            sleep();
        }
    }

    /**
     * Trial {@code index} is proposed from the results of trials {@code 0 .. index - P} only (P = max parallel
     * trials), with randomness seeded per trial: what finishes first in real time never changes the proposals,
     * so a seed reproduces a run.
     */
    private boolean predecessorsDone(int index) {
        List<Trial> seen = describe().trials();
        for (int i = 0; i <= index - spec.maxParallelTrials(); i++) {
            if (!seen.get(i).status().isTerminal()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> propose(SearchStrategy strategy, int index, long seed) {
        List<Trial> seen = describe().trials();
        int known = Math.max(0, index - spec.maxParallelTrials() + 1);
        List<Observation> history = new ArrayList<>();
        for (Trial trial : seen.subList(0, known)) {
            if (trial.objectiveValue() != null) {
                double value = trial.objectiveValue();
                history.add(new Observation(trial.hyperparameters(), spec.objective().maximize() ? value : -value));
            }
        }
        List<Map<String, String>> pending = seen.subList(known, index).stream().map(Trial::hyperparameters).toList();
        return strategy.next(history, pending, new SplittableRandom(seed * 1_000_003L + index));
    }

    /** Hyperband rungs (asynchronous successive halving), or the median stopping rule. */
    private void stopEarly(List<TrialState> running) {
        if (spec.strategy() != Strategy.HYPERBAND && !spec.earlyStopping()) {
            return;
        }
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        for (TrialState trial : snapshot()) {
            List<Double> series = training.metricSeries(trial.name(), spec.objective().metric());
            List<Double> scores = series.stream().map(v -> spec.objective().maximize() ? v : -v).toList();
            curves.put(trial.name(), scores);
        }
        for (TrialState trial : running) {
            List<Double> mine = curves.get(trial.name());
            if (mine.isEmpty()) {
                continue;
            }
            boolean stop = spec.strategy() == Strategy.HYPERBAND ? belowRung(trial.name(), mine, curves)
                    : belowMedian(trial.name(), mine, curves);
            if (stop) {
                LOG.debug("tuning job '{}' stops trial {} early", spec.name(), trial.name());
                training.stop(trial.name());
            }
        }
    }

    /**
     * At rung k (minResource · ETA^k reports; no trial stops before its minimum resource) a trial continues only if
     * it is in the top 1/ETA of all trials that got there.
     */
    private boolean belowRung(String name, List<Double> mine, Map<String, List<Double>> curves) {
        int passed = rungsPassed.getOrDefault(name, 0);
        int minResource = spec.hyperbandResources() == null ? 1 : spec.hyperbandResources().minResource();
        int rungSize = minResource * (int) Math.pow(ETA, passed + 1);
        if (mine.size() < rungSize) {
            return false;
        }
        List<Double> atRung = new ArrayList<>();
        curves.values().stream().filter(c -> c.size() >= rungSize).forEach(c -> atRung.add(c.get(rungSize - 1)));
        atRung.sort(java.util.Comparator.reverseOrder());
        int keep = Math.max(1, atRung.size() / ETA);
        double threshold = atRung.get(keep - 1);
        rungsPassed.put(name, passed + 1);
        return atRung.size() >= ETA && mine.get(rungSize - 1) < threshold;
    }

    /** Stops a trial whose best value so far is below the median of the others' running averages at that step. */
    private static boolean belowMedian(String name, List<Double> mine, Map<String, List<Double>> curves) {
        int step = mine.size();
        if (step < MEDIAN_GRACE) {
            return false;
        }
        List<Double> averages = new ArrayList<>();
        curves.forEach((other, curve) -> {
            if (!other.equals(name) && curve.size() >= step) {
                averages.add(curve.subList(0, step).stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        });
        if (averages.size() < 2) {
            return false;
        }
        averages.sort(null);
        double median = averages.get(averages.size() / 2);
        return mine.stream().mapToDouble(Double::doubleValue).max().orElseThrow() < median;
    }

    private synchronized List<TrialState> snapshot() {
        return List.copyOf(trials);
    }

    private void finish(TuningJobStatus terminal) {
        end = Instant.now();
        status = terminal;
        store.save(record());
    }

    private void sleep() {
        try {
            Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    TuningJobDescription describe() {
        return record().describe(training);
    }

    /** The run as its record shows it. */
    TuningRecord record() {
        int max = spec.maxTrials() != null ? spec.maxTrials() : TrialSampler.grid(spec).size();
        List<TuningRecord.TrialPoint> points = snapshot().stream()
                .map(t -> new TuningRecord.TrialPoint(t.name(), t.point())).toList();
        return new TuningRecord(spec.name(), specHash, spec.objective(), max, status, failureReason, created, end, points);
    }
}
