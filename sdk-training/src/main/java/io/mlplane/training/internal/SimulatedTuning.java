package io.mlplane.training.internal;

import io.mlplane.core.mock.MockBehavior;
import io.mlplane.training.Objective;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The simulated life of one tuning job (for the mock backend and test fakes): its trials laid out in advance in
 * waves of {@code parallel}, each running for the script's runtime and scoring the script's objective function
 * (or a deterministic pseudo-random value); a stop ends the running trials after a short grace period.
 */
public final class SimulatedTuning {

    /** How long a stop takes. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private record PlannedTrial(String name, Map<String, String> hyperparameters, Instant start, Instant end, double value) {
    }

    private final String name;
    private final Objective objective;
    private final int maxTrials;
    private final MockBehavior behavior;
    private final Instant created;
    private final List<PlannedTrial> trials = new ArrayList<>();
    private volatile @Nullable Instant stoppedAt;

    /**
     * @param points the hyperparameter values of each trial, in order
     * @param maxTrials the job's trial limit as reported, 0 when the strategy decides
     * @param trialName the training job name of trial {@code i} (from 0)
     */
    public SimulatedTuning(String name, Objective objective, List<Map<String, String>> points, int parallel, int maxTrials,
            MockBehavior behavior, Instant created, IntFunction<String> trialName) {
        this.name = name;
        this.objective = objective;
        this.maxTrials = maxTrials;
        this.behavior = behavior;
        this.created = created;
        Duration runtime = behavior.runtime();
        for (int i = 0; i < points.size(); i++) {
            Instant begins = created.plus(runtime.multipliedBy(i / Math.max(1, parallel)));
            Map<String, String> point = Map.copyOf(points.get(i));
            double value = behavior.objective() != null ? behavior.objective().applyAsDouble(point)
                    : new SplittableRandom(point.hashCode()).nextDouble();
            trials.add(new PlannedTrial(trialName.apply(i), point, begins, begins.plus(runtime), value));
        }
    }

    /** When the job was created. */
    public Instant created() {
        return created;
    }

    /** Stops the job at {@code now}, unless it has ended. */
    public synchronized void stop(Instant now) {
        if (stoppedAt == null && !describe(now).status().isTerminal()) {
            stoppedAt = now;
        }
    }

    /** The job as it stands at {@code now}. */
    public TuningJobDescription describe(Instant now) {
        Instant stopped = stoppedAt;
        boolean forever = behavior.outcome() == MockBehavior.Outcome.RUN_FOREVER;
        boolean fail = behavior.outcome() == MockBehavior.Outcome.FAIL;
        List<Trial> seen = new ArrayList<>();
        Instant lastEnd = created;
        for (PlannedTrial planned : trials) {
            if (planned.start.isAfter(now) || (stopped != null && !planned.start.isBefore(stopped))) {
                continue;
            }
            TrainingJobStatus status;
            Double value = null;
            if ((stopped != null && planned.end.isAfter(stopped)) || forever) {
                status = stopped == null ? TrainingJobStatus.IN_PROGRESS
                        : now.isBefore(stopped.plus(STOP_GRACE)) ? TrainingJobStatus.STOPPING : TrainingJobStatus.STOPPED;
            } else if (planned.end.isAfter(now)) {
                status = TrainingJobStatus.IN_PROGRESS;
            } else {
                status = fail ? TrainingJobStatus.FAILED : TrainingJobStatus.COMPLETED;
                value = fail ? null : planned.value;
                lastEnd = planned.end.isAfter(lastEnd) ? planned.end : lastEnd;
            }
            seen.add(new Trial(planned.name, planned.hyperparameters, value, status));
        }
        TuningJobStatus status = TuningJobStatus.IN_PROGRESS;
        Instant end = null;
        String reason = null;
        if (stopped != null) {
            boolean done = !now.isBefore(stopped.plus(STOP_GRACE));
            status = done ? TuningJobStatus.STOPPED : TuningJobStatus.STOPPING;
            end = done ? stopped.plus(STOP_GRACE) : null;
        } else if (!forever && seen.size() == trials.size() && seen.stream().allMatch(t -> t.status().isTerminal())) {
            status = fail ? TuningJobStatus.FAILED : TuningJobStatus.COMPLETED;
            end = lastEnd;
            reason = fail ? "All training jobs failed: " + behavior.failureReason() : null;
        }
        return new TuningJobDescription(name, status, objective, maxTrials > 0 ? maxTrials : trials.size(), seen, reason,
                created, end);
    }
}
