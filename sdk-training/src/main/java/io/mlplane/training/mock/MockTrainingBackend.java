package io.mlplane.training.mock;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.mock.MockBehavior;
import io.mlplane.core.mock.MockContext;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricSample;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.internal.TrainingSpecMap;
import io.mlplane.training.internal.TrainingTimeline;
import io.mlplane.training.spi.TrainingBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Training jobs in memory. Each job's whole life is laid out as a {@link TrainingTimeline} when it is submitted, and
 * every query reads that timeline at the virtual clock's current instant, so statuses move exactly as virtual
 * time does.
 */
final class MockTrainingBackend implements TrainingBackend {

    /** The share of running seconds billed on spot when the script does not say: 70 % savings. */
    static final double DEFAULT_SPOT_BILLED_SHARE = 0.3;

    private final String backend;
    private final MockContext mock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    MockTrainingBackend(String backend, MockContext mock) {
        this.backend = backend;
        this.mock = mock;
    }

    @Override
    public List<PlannedRequest> plan(TrainingJobSpec spec) {
        return List.of(new PlannedRequest(backend, "CreateTrainingJob", TrainingSpecMap.of(spec)));
    }

    @Override
    public TrainingJobDescription create(TrainingJobSpec spec) {
        Instant now = mock.clock().now();
        MockBehavior behavior = mock.behaviorFor(spec.name());
        Job candidate = new Job(spec, behavior, TrainingTimeline.of(spec, behavior, now));
        Job job = jobs.putIfAbsent(spec.name(), candidate);
        if (job == null) {
            job = candidate;
        } else if (!job.spec.equals(spec)) {
            throw new ConflictException(backend, "training job '" + spec.name()
                    + "' already exists with a different spec; training job names cannot be reused");
        }
        return describe(job, now);
    }

    @Override
    public Optional<TrainingJobDescription> describe(String name) {
        Job job = jobs.get(name);
        return job == null ? Optional.empty() : Optional.of(describe(job, mock.clock().now()));
    }

    @Override
    public Map<String, TrainingJobDescription> describeAll(Collection<String> names) {
        Instant now = mock.clock().now();
        Map<String, TrainingJobDescription> found = new HashMap<>(names.size() * 2);
        for (String name : names) {
            Job job = jobs.get(name);
            if (job != null) {
                found.put(name, describe(job, now));
            }
        }
        return found;
    }

    @Override
    public List<String> listNames() {
        return jobs.values().stream().sorted((a, b) -> a.timeline.start().compareTo(b.timeline.start()))
                .map(job -> job.spec.name()).toList();
    }

    @Override
    public void stop(String name) {
        Job job = require(name);
        synchronized (job) {
            job.timeline = job.timeline.stoppedAt(mock.clock().now());
        }
    }

    @Override
    public List<LogEvent> logs(String name) {
        Job job = require(name);
        Instant now = mock.clock().now();
        List<LogEvent> events = new ArrayList<>();
        boolean scriptedLinesShown = false;
        for (StatusTransition transition : job.timeline.historyAt(now)) {
            events.add(new LogEvent(transition.startTime(), transition.status().wireName() + " - " + transition.message()));
            if (transition.status() == SecondaryStatus.TRAINING && !scriptedLinesShown) {
                job.behavior.logLines().forEach(line -> events.add(new LogEvent(transition.startTime(), line)));
                scriptedLinesShown = true;
            }
        }
        if (job.timeline.statusAt(now) == TrainingJobStatus.COMPLETED) {
            Instant end = job.timeline.end();
            job.behavior.metrics().forEach((metric, value) -> events.add(new LogEvent(end, metric + "=" + value)));
        }
        return events;
    }

    /** The scripted metrics, reported when the job completes (the mock has no real time series). */
    @Override
    public List<MetricSample> metricHistory(String name) {
        Job job = require(name);
        Instant now = mock.clock().now();
        if (job.timeline.statusAt(now) != TrainingJobStatus.COMPLETED) {
            return List.of();
        }
        Instant end = job.timeline.end();
        return job.behavior.metrics().entrySet().stream()
                .map(e -> new MetricSample(e.getKey(), e.getValue(), end)).toList();
    }

    private Job require(String name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new ResourceNotFoundException(backend, "training job '" + name + "' does not exist");
        }
        return job;
    }

    private static TrainingJobDescription describe(Job job, Instant now) {
        TrainingTimeline timeline = job.timeline;
        int phase = timeline.currentIndex(now);
        Snapshot cached = job.snapshot;
        if (cached != null && cached.timeline == timeline && cached.phase == phase) {
            return cached.description;
        }
        TrainingJobDescription description = describeAfresh(job, timeline, now);
        job.snapshot = new Snapshot(timeline, phase, description);
        return description;
    }

    private static TrainingJobDescription describeAfresh(Job job, TrainingTimeline timeline, Instant now) {
        TrainingJobStatus status = timeline.statusAt(now);
        TrainingJobSpec spec = job.spec;
        Instant end = status.isTerminal() ? timeline.end() : null;
        long trainingSeconds = end == null ? 0 : java.time.Duration.between(timeline.start(), end).toSeconds();
        long billableSeconds = end == null ? 0 : billable(job, timeline.runningSecondsUntil(end));
        boolean completed = status == TrainingJobStatus.COMPLETED;
        return new TrainingJobDescription(spec.name(), status, timeline.phaseAt(now).status(),
                timeline.historyAt(now), status == TrainingJobStatus.FAILED ? job.behavior.failureReason() : null,
                completed ? artifactUri(spec) : null, completed ? job.behavior.metrics() : Map.of(),
                timeline.start(), end, trainingSeconds, billableSeconds, spec.spotEnabled());
    }

    private static long billable(Job job, long runningSeconds) {
        Long scripted = job.behavior.billableSeconds();
        if (scripted != null) {
            return scripted;
        }
        return job.spec.spotEnabled() ? Math.round(runningSeconds * DEFAULT_SPOT_BILLED_SHARE) : runningSeconds;
    }

    private static String artifactUri(TrainingJobSpec spec) {
        String base = spec.outputUri().endsWith("/") ? spec.outputUri() : spec.outputUri() + "/";
        return base + spec.name() + "/output/model.tar.gz";
    }

    /**
     * A description is a function of the timeline and the phase it is in, so it is kept until either
     * changes: waiting on thousands of jobs then costs a phase lookup per job per tick.
     */
    private record Snapshot(TrainingTimeline timeline, int phase, TrainingJobDescription description) {
    }

    /** One simulated job; the timeline changes only when the job is stopped. */
    private static final class Job {
        final TrainingJobSpec spec;
        final MockBehavior behavior;
        volatile TrainingTimeline timeline;
        volatile @Nullable Snapshot snapshot;

        Job(TrainingJobSpec spec, MockBehavior behavior, TrainingTimeline timeline) {
            this.spec = spec;
            this.behavior = behavior;
            this.timeline = timeline;
        }
    }
}
