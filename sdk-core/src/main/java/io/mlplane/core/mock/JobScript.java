package io.mlplane.core.mock;

import io.mlplane.core.MlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Scripts what the mock backend does with jobs of one name (or any name): how long they run, how they end,
 * which metrics they report, how often spot capacity interrupts them, or that their submit fails. Obtained
 * from {@link MockProvider#onJob(String)} and {@link MockProvider#onAnyJob()}; every setter returns this
 * script, and the script is read when a job is submitted.
 *
 * <pre>{@code
 * mock.onJob("fraud-xgb").completesAfter(Duration.ofHours(2)).withMetric("validation:auc", 0.93);
 * mock.onJob("flaky").interruptedBySpot(2).completesAfter(Duration.ofHours(1)).billableSeconds(1500);
 * mock.onJob("broken").failsAfter(Duration.ofMinutes(4), "AlgorithmError: CUDA out of memory");
 * mock.onJob("over-quota").rejectsSubmit(() -> new QuotaExceededException("mock", "too many jobs"));
 * }</pre>
 */
public final class JobScript {

    private MockBehavior.Outcome outcome = MockBehavior.DEFAULT.outcome();
    private Duration runtime = MockBehavior.DEFAULT.runtime();
    private @Nullable String failureReason;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private @Nullable Long billableSeconds;
    private int spotInterruptions;
    private Duration interruptionDowntime = MockBehavior.DEFAULT.interruptionDowntime();
    private @Nullable Supplier<? extends MlException> submitFailure;
    private final List<String> logLines = new ArrayList<>();
    private @Nullable ToDoubleFunction<Map<String, String>> objective;

    /**
     * A standalone script, not attached to a mock provider: for fakes of other backends that follow the same
     * outcomes (read it with {@link #toBehavior()}). Mock providers hand out their own through
     * {@link MockProvider#onJob(String)}.
     */
    public JobScript() {
    }

    /** The job completes successfully after {@code runtime} of running. */
    public synchronized JobScript completesAfter(Duration runtime) {
        this.outcome = MockBehavior.Outcome.SUCCEED;
        this.runtime = positive(runtime, "runtime");
        return this;
    }

    /** The job fails with {@code reason} after {@code runtime}. */
    public synchronized JobScript failsAfter(Duration runtime, String reason) {
        this.outcome = MockBehavior.Outcome.FAIL;
        this.runtime = positive(runtime, "runtime");
        this.failureReason = Objects.requireNonNull(reason, "reason == null");
        return this;
    }

    /** The job never ends on its own; it stays in progress until stopped. */
    public synchronized JobScript staysInProgress() {
        this.outcome = MockBehavior.Outcome.RUN_FOREVER;
        return this;
    }

    /** A final metric the job reports on success. */
    public synchronized JobScript withMetric(String name, double value) {
        metrics.put(Objects.requireNonNull(name, "name == null"), value);
        return this;
    }

    /** The billable seconds the job reports; by default all of its seconds, or 30 % of them on spot. */
    public synchronized JobScript billableSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("billableSeconds must not be negative: " + seconds);
        }
        this.billableSeconds = seconds;
        return this;
    }

    /** Spot capacity is reclaimed {@code times} times during training; each time the job resumes. */
    public synchronized JobScript interruptedBySpot(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        this.spotInterruptions = times;
        return this;
    }

    /** How long each spot interruption lasts before capacity comes back (default 5 minutes). */
    public synchronized JobScript interruptionDowntime(Duration downtime) {
        this.interruptionDowntime = positive(downtime, "downtime");
        return this;
    }

    /** The submit itself fails with a fresh exception from {@code failure}. */
    public synchronized JobScript rejectsSubmit(Supplier<? extends MlException> failure) {
        this.submitFailure = Objects.requireNonNull(failure, "failure == null");
        return this;
    }

    /** A line the job's logs show. */
    public synchronized JobScript logLine(String line) {
        logLines.add(Objects.requireNonNull(line, "line == null"));
        return this;
    }

    /**
     * For tuning jobs: each trial's objective value is {@code objective} applied to the trial's tuned
     * hyperparameters; each trial runs for this script's runtime.
     */
    public synchronized JobScript evaluates(ToDoubleFunction<Map<String, String>> objective) {
        this.objective = Objects.requireNonNull(objective, "objective == null");
        return this;
    }

    /** The script as it stands now. */
    public synchronized MockBehavior toBehavior() {
        return new MockBehavior(outcome, runtime, failureReason, metrics, billableSeconds, spotInterruptions,
                interruptionDowntime, submitFailure, logLines, objective);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
