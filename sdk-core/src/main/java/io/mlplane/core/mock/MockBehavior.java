package io.mlplane.core.mock;

import io.mlplane.core.MlException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The scripted fate of one mock resource, frozen when the resource is submitted. Build it through
 * {@link MockProvider#onJob(String)}; the mock drivers read it.
 *
 * @param outcome how the run ends
 * @param runtime how long the run takes, not counting spot interruptions
 * @param failureReason why it fails, for {@link Outcome#FAIL}
 * @param metrics final metric values reported on success
 * @param billableSeconds billed seconds, or {@code null} for the default (all seconds; 30 % of them on spot)
 * @param spotInterruptions how many times spot capacity is reclaimed before the run resumes and ends
 * @param interruptionDowntime how long each interruption lasts before capacity returns
 * @param submitFailure makes the submit itself fail, or {@code null}
 * @param logLines extra lines the resource's logs show
 * @param objective for tuning jobs: the objective value of a trial from its hyperparameters, or {@code null} for
 *     a deterministic pseudo-random value
 */
public record MockBehavior(Outcome outcome, Duration runtime, @Nullable String failureReason,
        Map<String, Double> metrics, @Nullable Long billableSeconds, int spotInterruptions,
        Duration interruptionDowntime, @Nullable Supplier<? extends MlException> submitFailure,
        List<String> logLines, @Nullable ToDoubleFunction<Map<String, String>> objective) {

    /** How a scripted run ends. */
    public enum Outcome {
        /** Completes after the runtime. */
        SUCCEED,
        /** Fails after the runtime with the failure reason. */
        FAIL,
        /** Never ends on its own (it can still be stopped). */
        RUN_FOREVER
    }

    /** What an unscripted resource does: succeeds after 30 minutes. */
    public static final MockBehavior DEFAULT = new MockBehavior(Outcome.SUCCEED, Duration.ofMinutes(30), null,
            Map.of(), null, 0, Duration.ofMinutes(5), null, List.of(), null);

    /** Copies the collections. */
    public MockBehavior {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(runtime, "runtime == null");
        Objects.requireNonNull(interruptionDowntime, "interruptionDowntime == null");
        metrics = Map.copyOf(metrics);
        logLines = List.copyOf(logLines);
    }
}
