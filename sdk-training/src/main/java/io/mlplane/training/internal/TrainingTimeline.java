package io.mlplane.training.internal;

import io.mlplane.core.mock.MockBehavior;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingJobSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The whole simulated life of one training job (for the mock backend and test fakes), laid out in advance from its script: SageMaker's phases
 * (Starting, Downloading, Training, Interrupted, Uploading, ...) with their start times, ending in a terminal
 * phase unless the job runs forever. Runtime limits of the spec cut it short the way SageMaker does: past
 * {@code maxRuntime} of running, or {@code maxWait} in total on spot, the job is stopped.
 *
 * <p>Immutable; a stop request yields a new timeline.
 */
public final class TrainingTimeline {

    /** How long a stop takes, like the grace period a container gets after SIGTERM (shortened). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final List<TrainingPhase> phases;
    private final @Nullable TrainingJobStatus terminalStatus;

    private TrainingTimeline(List<TrainingPhase> phases, @Nullable TrainingJobStatus terminalStatus) {
        this.phases = List.copyOf(phases);
        this.terminalStatus = terminalStatus;
    }

    /** Lays out the life of a job submitted at {@code created}. */
    public static TrainingTimeline of(TrainingJobSpec spec, MockBehavior behavior, Instant created) {
        return of(spec.spotEnabled(), spec.maxRuntime(), spec.spot() == null ? null : spec.spot().maxWait(), behavior,
                created);
    }

    /**
     * Lays out the life of a job submitted at {@code created} with these limits.
     *
     * @param maxWait the spot job's max wait, or {@code null} for on-demand
     */
    public static TrainingTimeline of(boolean spot, Duration maxRuntime, @Nullable Duration maxWait,
            MockBehavior behavior, Instant created) {
        Duration runtime = behavior.runtime();
        Duration setup = runtime.dividedBy(20);
        Duration training = runtime.minus(setup.multipliedBy(3));
        int interruptions = spot ? behavior.spotInterruptions() : 0;
        Duration segment = training.dividedBy(interruptions + 1L);

        List<TrainingPhase> phases = new ArrayList<>();
        Instant t = created;
        t = add(phases, SecondaryStatus.STARTING, t, setup, "Preparing the instances for training");
        t = add(phases, SecondaryStatus.DOWNLOADING, t, setup, "Downloading input data");
        for (int i = 0; i <= interruptions; i++) {
            if (behavior.outcome() == MockBehavior.Outcome.RUN_FOREVER && i == interruptions) {
                add(phases, SecondaryStatus.TRAINING, t, Duration.ZERO, "Training image download completed. Training in progress.");
                return new TrainingTimeline(phases, null).limitedBy(maxRuntime, maxWait, created);
            }
            t = add(phases, SecondaryStatus.TRAINING, t, segment, "Training image download completed. Training in progress.");
            if (i < interruptions) {
                t = add(phases, SecondaryStatus.INTERRUPTED, t, behavior.interruptionDowntime(),
                        "Spot capacity was reclaimed; the job will resume from its last checkpoint");
                t = add(phases, SecondaryStatus.STARTING, t, setup, "Preparing the instances for training");
                t = add(phases, SecondaryStatus.DOWNLOADING, t, setup, "Downloading input data");
            }
        }
        if (behavior.outcome() == MockBehavior.Outcome.FAIL) {
            phases.add(new TrainingPhase(SecondaryStatus.FAILED, t, String.valueOf(behavior.failureReason())));
            return new TrainingTimeline(phases, TrainingJobStatus.FAILED).limitedBy(maxRuntime, maxWait, created);
        }
        t = add(phases, SecondaryStatus.UPLOADING, t, setup, "Uploading generated training model");
        phases.add(new TrainingPhase(SecondaryStatus.COMPLETED, t, "Training job completed"));
        return new TrainingTimeline(phases, TrainingJobStatus.COMPLETED).limitedBy(maxRuntime, maxWait, created);
    }

    private static Instant add(List<TrainingPhase> phases, SecondaryStatus status, Instant start, Duration length, String message) {
        phases.add(new TrainingPhase(status, start, message));
        return start.plus(length);
    }

    /** Cuts the timeline where the spec's max runtime or (on spot) max wait runs out. */
    private TrainingTimeline limitedBy(Duration maxRuntime, @Nullable Duration maxWait, Instant created) {
        Instant runtimeLimit = instantWhenRunningReaches(maxRuntime);
        Instant waitLimit = maxWait != null ? created.plus(maxWait) : null;
        TrainingTimeline limited = this;
        if (runtimeLimit != null && endsAfter(runtimeLimit)
                && (waitLimit == null || !runtimeLimit.isAfter(waitLimit))) {
            limited = stopAt(runtimeLimit, SecondaryStatus.MAX_RUNTIME_EXCEEDED,
                    "Training job runtime exceeded MaxRuntimeInSeconds provided");
        } else if (waitLimit != null && endsAfter(waitLimit)) {
            limited = stopAt(waitLimit, SecondaryStatus.MAX_WAIT_TIME_EXCEEDED,
                    "Training job exceeded MaxWaitTimeInSeconds provided");
        }
        return limited;
    }

    /** The timeline after a user's stop request at {@code at}; unchanged if the job has ended by then. */
    public TrainingTimeline stoppedAt(Instant at) {
        if (isTerminalAt(at)) {
            return this;
        }
        return stopAt(at, SecondaryStatus.STOPPED, "The training job was stopped");
    }

    private TrainingTimeline stopAt(Instant at, SecondaryStatus finalStatus, String message) {
        List<TrainingPhase> kept = new ArrayList<>();
        for (TrainingPhase phase : phases) {
            if (phase.start().isBefore(at)) {
                kept.add(phase);
            }
        }
        kept.add(new TrainingPhase(SecondaryStatus.STOPPING, at, "Stopping the training job"));
        kept.add(new TrainingPhase(finalStatus, at.plus(STOP_GRACE), message));
        return new TrainingTimeline(kept, TrainingJobStatus.STOPPED);
    }

    private boolean endsAfter(Instant instant) {
        Instant end = end();
        return end == null || end.isAfter(instant);
    }

    private @Nullable Instant instantWhenRunningReaches(Duration limit) {
        Duration left = limit;
        for (int i = 0; i < phases.size(); i++) {
            TrainingPhase phase = phases.get(i);
            Instant next = i + 1 < phases.size() ? phases.get(i + 1).start() : null;
            if (!phase.running() || isTerminalTrainingPhase(i)) {
                continue;
            }
            Duration length = next == null ? null : Duration.between(phase.start(), next);
            if (length == null || length.compareTo(left) > 0) {
                return phase.start().plus(left);
            }
            left = left.minus(length);
        }
        return null;
    }

    private boolean isTerminalTrainingPhase(int index) {
        return terminalStatus != null && index == phases.size() - 1;
    }

    /** When the job reaches its terminal phase, or {@code null} if it never does on its own. */
    public @Nullable Instant end() {
        return terminalStatus == null ? null : phases.get(phases.size() - 1).start();
    }

    public Instant start() {
        return phases.get(0).start();
    }

    public boolean isTerminalAt(Instant now) {
        Instant end = end();
        return end != null && !now.isBefore(end);
    }

    /** The primary status at {@code now}. */
    public TrainingJobStatus statusAt(Instant now) {
        if (isTerminalAt(now)) {
            return terminalStatus;
        }
        return currentIndex(now) >= 0 && phases.get(currentIndex(now)).status() == SecondaryStatus.STOPPING
                ? TrainingJobStatus.STOPPING : TrainingJobStatus.IN_PROGRESS;
    }

    /** The phase at {@code now}. */
    public TrainingPhase phaseAt(Instant now) {
        return phases.get(Math.max(0, currentIndex(now)));
    }

    /** The phases that began by {@code now}, with their end times. */
    public List<StatusTransition> historyAt(Instant now) {
        int current = currentIndex(now);
        List<StatusTransition> history = new ArrayList<>(current + 1);
        for (int i = 0; i <= current; i++) {
            TrainingPhase phase = phases.get(i);
            Instant end;
            if (isTerminalTrainingPhase(i)) {
                end = phase.start();
            } else {
                end = i < current ? phases.get(i + 1).start() : null;
            }
            history.add(new StatusTransition(phase.status(), phase.start(), end, phase.message()));
        }
        return history;
    }

    /** Seconds spent running (not interrupted) up to {@code until}. */
    public long runningSecondsUntil(Instant until) {
        Duration running = Duration.ZERO;
        for (int i = 0; i < phases.size() && phases.get(i).start().isBefore(until); i++) {
            TrainingPhase phase = phases.get(i);
            Instant next = i + 1 < phases.size() ? phases.get(i + 1).start() : until;
            Instant end = next.isBefore(until) ? next : until;
            if (phase.running() && !isTerminalTrainingPhase(i)) {
                running = running.plus(Duration.between(phase.start(), end));
            }
        }
        return running.toSeconds();
    }

    /** The index of the phase at {@code now}; a description depends only on it (and the timeline). */
    public int currentIndex(Instant now) {
        int index = -1;
        for (int i = 0; i < phases.size() && !phases.get(i).start().isAfter(now); i++) {
            index = i;
        }
        return index;
    }
}
