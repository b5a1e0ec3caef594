package io.mlplane.training.mock;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.mock.MockBehavior;
import io.mlplane.core.mock.MockContext;
import io.mlplane.core.spi.PlanBodies;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.internal.TrainingSpecMap;
import io.mlplane.training.internal.TrialSampler;
import io.mlplane.training.spi.TuningBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Tuning jobs in memory, on the virtual clock. Trials are laid out when the job is submitted: grid search takes
 * every combination, the other strategies draw at random from a seeded source (the mock does not model the
 * objective, so it does not pretend to be Bayesian); trials run in waves of {@code maxParallelTrials}, each for
 * the script's runtime, and score the script's objective function (or a deterministic pseudo-random value).
 */
final class MockTuningBackend implements TuningBackend {

    /** How long a stop takes. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String backend;
    private final MockContext mock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    MockTuningBackend(String backend, MockContext mock) {
        this.backend = backend;
        this.mock = mock;
    }

    private record PlannedTrial(String name, Map<String, String> hyperparameters, Instant start, Instant end, double value) {
    }

    private static final class Job {
        final TuningJobSpec spec;
        final MockBehavior behavior;
        final Instant created;
        final List<PlannedTrial> trials;
        volatile @Nullable Instant stoppedAt;

        Job(TuningJobSpec spec, MockBehavior behavior, Instant created, List<PlannedTrial> trials) {
            this.spec = spec;
            this.behavior = behavior;
            this.created = created;
            this.trials = trials;
        }
    }

    @Override
    public List<PlannedRequest> plan(TuningJobSpec spec) {
        return List.of(new PlannedRequest(backend, "CreateTuningJob", PlanBodies.map(
                "name", spec.name(), "strategy", spec.strategy().wireName(),
                "objective", PlanBodies.map("metric", spec.objective().metric(), "maximize", spec.objective().maximize()),
                "parameters", spec.parameters().stream().map(p -> PlanBodies.map("name", p.name(), "type", p.type().name(),
                        "min", p.min() == null ? "" : p.format(p.min()), "max", p.max() == null ? "" : p.format(p.max()),
                        "values", p.values(), "scaling", p.scaling().wireName())).toList(),
                "maxTrials", spec.maxTrials() == null ? 0 : spec.maxTrials(), "maxParallelTrials", spec.maxParallelTrials(),
                "earlyStopping", spec.earlyStopping(), "trainingTemplate", TrainingSpecMap.of(spec.trainingTemplate()))));
    }

    @Override
    public TuningJobDescription create(TuningJobSpec spec) {
        Instant now = mock.clock().now();
        MockBehavior behavior = mock.behaviorFor(spec.name());
        Job candidate = new Job(spec, behavior, now, layOut(spec, behavior, now));
        Job job = jobs.putIfAbsent(spec.name(), candidate);
        if (job == null) {
            job = candidate;
        } else if (!job.spec.equals(spec)) {
            throw new ConflictException(backend, "tuning job '" + spec.name() + "' already exists with a different spec");
        }
        return describe(job, now);
    }

    private static List<PlannedTrial> layOut(TuningJobSpec spec, MockBehavior behavior, Instant start) {
        List<Map<String, String>> points = new ArrayList<>();
        if (spec.strategy() == Strategy.GRID) {
            points.addAll(TrialSampler.grid(spec));
        } else {
            SplittableRandom random = new SplittableRandom(spec.randomSeed() != null ? spec.randomSeed() : spec.name().hashCode());
            for (int i = 0; i < spec.maxTrials(); i++) {
                points.add(TrialSampler.random(spec, random));
            }
        }
        List<PlannedTrial> trials = new ArrayList<>();
        Duration runtime = behavior.runtime();
        for (int i = 0; i < points.size(); i++) {
            Instant begins = start.plus(runtime.multipliedBy(i / spec.maxParallelTrials()));
            Map<String, String> point = points.get(i);
            double value = behavior.objective() != null ? behavior.objective().applyAsDouble(point)
                    : (new SplittableRandom(point.hashCode()).nextDouble());
            trials.add(new PlannedTrial(String.format("%s-%03d", spec.trainingTemplate().name(), i + 1), point, begins,
                    begins.plus(runtime), value));
        }
        return trials;
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        Job job = jobs.get(name);
        return job == null ? Optional.empty() : Optional.of(describe(job, mock.clock().now()));
    }

    private static TuningJobDescription describe(Job job, Instant now) {
        Instant stoppedAt = job.stoppedAt;
        boolean forever = job.behavior.outcome() == MockBehavior.Outcome.RUN_FOREVER;
        boolean fail = job.behavior.outcome() == MockBehavior.Outcome.FAIL;
        List<Trial> trials = new ArrayList<>();
        Instant lastEnd = job.created;
        for (PlannedTrial planned : job.trials) {
            if (planned.start.isAfter(now) || (stoppedAt != null && !planned.start.isBefore(stoppedAt))) {
                continue;
            }
            TrainingJobStatus status;
            Double value = null;
            if (stoppedAt != null && planned.end.isAfter(stoppedAt) || forever) {
                status = stoppedAt != null && !now.isBefore(stoppedAt.plus(STOP_GRACE)) ? TrainingJobStatus.STOPPED
                        : stoppedAt != null ? TrainingJobStatus.STOPPING : TrainingJobStatus.IN_PROGRESS;
            } else if (planned.end.isAfter(now)) {
                status = TrainingJobStatus.IN_PROGRESS;
            } else {
                status = fail ? TrainingJobStatus.FAILED : TrainingJobStatus.COMPLETED;
                value = fail ? null : planned.value;
                lastEnd = planned.end.isAfter(lastEnd) ? planned.end : lastEnd;
            }
            trials.add(new Trial(planned.name, planned.hyperparameters, value, status));
        }
        TuningJobStatus status;
        Instant end = null;
        String reason = null;
        if (stoppedAt != null) {
            boolean done = !now.isBefore(stoppedAt.plus(STOP_GRACE));
            status = done ? TuningJobStatus.STOPPED : TuningJobStatus.STOPPING;
            end = done ? stoppedAt.plus(STOP_GRACE) : null;
        } else if (!forever && trials.size() == job.trials.size() && trials.stream().allMatch(t -> t.status().isTerminal())) {
            status = fail ? TuningJobStatus.FAILED : TuningJobStatus.COMPLETED;
            end = lastEnd;
            reason = fail ? "All training jobs failed: " + job.behavior.failureReason() : null;
        } else {
            status = TuningJobStatus.IN_PROGRESS;
        }
        int max = job.spec.maxTrials() == null ? job.trials.size() : job.spec.maxTrials();
        return new TuningJobDescription(job.spec.name(), status, job.spec.objective(), max, trials, reason, job.created, end);
    }

    @Override
    public List<String> listNames() {
        return jobs.values().stream().sorted(Comparator.comparing((Job j) -> j.created)).map(j -> j.spec.name()).toList();
    }

    @Override
    public void stop(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new ResourceNotFoundException(backend, "tuning job '" + name + "' does not exist");
        }
        Instant now = mock.clock().now();
        synchronized (job) {
            if (job.stoppedAt == null && !describe(job, now).status().isTerminal()) {
                job.stoppedAt = now;
            }
        }
    }
}
