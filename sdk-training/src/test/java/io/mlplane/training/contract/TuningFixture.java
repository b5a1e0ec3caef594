package io.mlplane.training.contract;

import io.mlplane.core.MlProvider;
import io.mlplane.training.TrainingJobSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** What the tuning contract suite needs from one backend. */
public interface TuningFixture extends AutoCloseable {

    /** The provider under test. */
    MlProvider provider();

    /** A training template named {@code name}, for tuning job {@code tuningJob}, reporting {@code validation:auc}. */
    TrainingJobSpec.Builder template(String tuningJob, String name);

    /** Trials of tuning job {@code name} take {@code runtime} and score {@code objective} of their hyperparameters. */
    void objective(String name, Duration runtime, ToDoubleFunction<Map<String, String>> objective);

    /** Trials of tuning job {@code name} never finish. */
    void runsForever(String name);

    /** A timeout that ends a wait soon on this backend (default: ten minutes of virtual time). */
    default Duration shortTimeout() {
        return Duration.ofMinutes(10);
    }

    /** A timeout long enough for every tuning job of the suite (default: a day of virtual time). */
    default Duration longTimeout() {
        return Duration.ofHours(24);
    }

    @Override
    void close();
}
