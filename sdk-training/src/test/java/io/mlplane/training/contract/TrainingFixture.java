package io.mlplane.training.contract;

import io.mlplane.core.MlProvider;
import io.mlplane.training.TrainingJobSpec;
import java.time.Duration;
import java.util.Map;

/**
 * What the training contract suite needs from one backend: a provider, a spec this backend can run, and ways
 * to make a named job end a particular way (a mock script, a fake server's state, a real command).
 */
public interface TrainingFixture extends AutoCloseable {

    /** The provider under test. */
    MlProvider provider();

    /** A valid, minimal spec named {@code name} that this backend can run. */
    TrainingJobSpec.Builder spec(String name);

    /** Jobs named {@code name} complete after about {@code runtime} reporting {@code metrics}. */
    void completes(String name, Duration runtime, Map<String, Double> metrics);

    /** Jobs named {@code name} fail with {@code reason} after about {@code runtime}. */
    void fails(String name, Duration runtime, String reason);

    /** Spot jobs named {@code name} are interrupted {@code times} times, then complete. */
    void interruptedBySpot(String name, int times, Duration runtime);

    /**
     * Whether the backend's status history shows every phase, every time it happens. Kubernetes reports only
     * the phases it has conditions for (Created, Running, Restarting, Succeeded, Failed, Suspended) and keeps
     * one condition per type, so a job interrupted twice shows one {@code Interrupted} phase there.
     */
    default boolean reportsEveryPhase() {
        return true;
    }

    /** A URI of an existing data set for a channel named {@code channel}, in a scheme this backend reads. */
    default String dataUri(String channel) {
        return "s3://mlplane-contract/data/" + channel + "/";
    }

    /** Jobs named {@code name} run until stopped. */
    void runsForever(String name);

    /** A timeout that ends a wait soon on this backend while still allowing a few polls. */
    Duration shortTimeout();

    /** A timeout generous enough for every scripted job of the suite to finish. */
    Duration longTimeout();

    @Override
    void close();
}
