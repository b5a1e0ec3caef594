package io.mlplane.training.mock;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.mock.MockContext;
import io.mlplane.training.Strategy;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.SimulatedTuning;
import io.mlplane.training.internal.TuningSpecMap;
import io.mlplane.training.internal.TrialSampler;
import io.mlplane.training.spi.TuningBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tuning jobs in memory, on the virtual clock ({@link SimulatedTuning}). Trials are laid out when the job is
 * submitted: grid search takes every combination, the other strategies draw at random from a seeded source
 * (the mock does not model the objective, so it does not pretend to be Bayesian).
 */
final class MockTuningBackend implements TuningBackend {

    private final String backend;
    private final MockContext mock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    MockTuningBackend(String backend, MockContext mock) {
        this.backend = backend;
        this.mock = mock;
    }

    private record Job(TuningJobSpec spec, SimulatedTuning simulation) {
    }

    @Override
    public List<PlannedRequest> plan(TuningJobSpec spec) {
        return List.of(new PlannedRequest(backend, "CreateTuningJob", TuningSpecMap.of(spec)));
    }

    @Override
    public TuningJobDescription create(TuningJobSpec spec) {
        Instant now = mock.clock().now();
        Job candidate = new Job(spec, new SimulatedTuning(spec.name(), spec.objective(), points(spec),
                spec.maxParallelTrials(), spec.maxTrials() == null ? 0 : spec.maxTrials(), mock.behaviorFor(spec.name()), now,
                i -> String.format("%s-%03d", spec.trainingTemplate().name(), i + 1)));
        Job job = jobs.putIfAbsent(spec.name(), candidate);
        if (job == null) {
            job = candidate;
        } else if (!job.spec().equals(spec)) {
            throw new ConflictException(backend, "tuning job '" + spec.name() + "' already exists with a different spec");
        }
        return job.simulation().describe(now);
    }

    /** Every combination for grid search; seeded random draws for the other strategies. */
    private static List<Map<String, String>> points(TuningJobSpec spec) {
        if (spec.strategy() == Strategy.GRID) {
            return TrialSampler.grid(spec);
        }
        SplittableRandom random = new SplittableRandom(spec.randomSeed() != null ? spec.randomSeed() : spec.name().hashCode());
        List<Map<String, String>> points = new ArrayList<>();
        for (int i = 0; i < spec.maxTrials(); i++) {
            points.add(TrialSampler.random(spec, random));
        }
        return points;
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        Job job = jobs.get(name);
        return job == null ? Optional.empty() : Optional.of(job.simulation().describe(mock.clock().now()));
    }

    @Override
    public List<String> listNames() {
        return jobs.values().stream().sorted(Comparator.comparing((Job j) -> j.simulation().created()))
                .map(j -> j.spec().name()).toList();
    }

    @Override
    public void stop(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new ResourceNotFoundException(backend, "tuning job '" + name + "' does not exist");
        }
        job.simulation().stop(mock.clock().now());
    }
}
