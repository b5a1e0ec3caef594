package io.mlplane.training;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a tuning job as the backend reports it now.
 *
 * @param name the tuning job's name
 * @param status its status
 * @param objective what it optimizes
 * @param maxTrials how many trials it runs at most, or 0 when the strategy decides (grid search)
 * @param trials every trial started so far, in start order
 * @param failureReason why it failed, or {@code null}
 * @param creationTime when it was created
 * @param endTime when it reached a terminal status, or {@code null}
 */
public record TuningJobDescription(String name, TuningJobStatus status, Objective objective, int maxTrials,
        List<Trial> trials, @Nullable String failureReason, Instant creationTime, @Nullable Instant endTime) {

    /** Copies the trials. */
    public TuningJobDescription {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(objective, "objective == null");
        trials = List.copyOf(trials);
    }

    /** The best finished trial so far, if any reported the objective. */
    public @Nullable Trial bestTrial() {
        Trial best = null;
        for (Trial trial : trials) {
            Double value = trial.objectiveValue();
            if (value != null && (best == null || objective.better(value, best.objectiveValue()))) {
                best = trial;
            }
        }
        return best;
    }

    /** How many trials have ended. */
    public long finishedTrials() {
        return trials.stream().filter(t -> t.status().isTerminal()).count();
    }

    /**
     * The status with progress, for wait events: for example {@code "InProgress: 3/10 trials, best
     * validation:auc=0.91"}.
     */
    public String statusText() {
        Trial best = bestTrial();
        return status.wireName() + ": " + finishedTrials() + "/" + (maxTrials > 0 ? Integer.toString(maxTrials) : "?")
                + " trials" + (best == null ? "" : String.format(Locale.ROOT, ", best %s=%s", objective.metric(),
                        best.objectiveValue()));
    }
}
