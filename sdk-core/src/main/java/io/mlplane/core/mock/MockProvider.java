package io.mlplane.core.mock;

import io.mlplane.core.MlException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.ResourceSpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * The in-memory {@link MlProvider} for unit tests: the same semantics as the real backends (validation,
 * idempotent submit, conflicts, status walks, spot interruptions), deterministic, on a
 * {@link VirtualClock} that makes every wait finish at once. Script outcomes with {@link #onJob(String)},
 * inject faults with {@link #injectSubmitFaults}, and assert on {@link #submittedSpecs()}.
 *
 * <pre>{@code
 * MockProvider ml = MlProviders.mock();
 * ml.onJob("churn").completesAfter(Duration.ofHours(2)).withMetric("validation:auc", 0.91);
 * TrainingResult result = ml.submit(spec).awaitCompletion(Duration.ofHours(3)); // returns at once
 * assertThat(ml.submittedSpecs(TrainingJobSpec.class)).hasSize(1);
 * }</pre>
 */
public interface MockProvider extends MlProvider {

    /** A fresh mock backend with random seed 0. */
    static MockProvider create() {
        return create(0L);
    }

    /** A fresh mock backend whose randomness (wait jitter) is seeded with {@code seed}. */
    static MockProvider create(long seed) {
        return new DefaultMockProvider(seed);
    }

    /** The virtual clock every wait on this provider uses. */
    VirtualClock clock();

    /** The script for resources named {@code name}; scripting it again changes the same script. */
    JobScript onJob(String name);

    /** The script for resources that have no script of their own. */
    JobScript onAnyJob();

    /**
     * From now on, each submit fails with a fresh exception from {@code failure} with probability
     * {@code rate}, drawn from a random source seeded with {@code seed} (so the pattern is reproducible).
     *
     * @throws IllegalArgumentException if {@code rate} is not within [0, 1]
     */
    void injectSubmitFaults(double rate, long seed, Supplier<? extends MlException> failure);

    /** Stops injecting submit faults. */
    void clearSubmitFaults();

    /** Every spec submitted so far, valid ones only, in order, including resubmits and failed submits. */
    List<ResourceSpec<?>> submittedSpecs();

    /** The submitted specs of one type, in order. */
    default <S extends ResourceSpec<?>> List<S> submittedSpecs(Class<S> type) {
        return submittedSpecs().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
