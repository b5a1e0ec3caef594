package io.mlplane.core.spi;

import io.mlplane.core.BackendCall;
import io.mlplane.core.TimeSource;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a driver gets from the provider it serves: the backend id, the time source every wait uses, a random
 * source (seeded on the mock), the backend's native connection objects, and the interceptor chain that every
 * driver call should pass through.
 *
 * <p>One context per provider; it lives as long as the provider and is thread-safe.
 */
public interface BackendContext {

    /** The backend id. */
    String backend();

    /** The clock and sleeper for waits; virtual on the mock backend. */
    TimeSource timeSource();

    /** Randomness for jitter and fault injection; seeded, hence reproducible, on the mock backend. */
    RandomGenerator random();

    /**
     * Runs {@code body} as one backend call, telling every registered interceptor before and after.
     *
     * @param operation a stable name such as {@code "training.describeAll"}
     * @param resources how many resources the call concerns
     */
    <T> T call(String operation, int resources, Supplier<T> body);

    /**
     * The backend's native connection object of the given type (the AWS clients, the Kubernetes client, the
     * mock's state), as handed out by {@link io.mlplane.core.MlProvider#unwrap}.
     *
     * @throws IllegalArgumentException if the backend has nothing of that type
     */
    <T> T unwrap(Class<T> type);

    /** How often waits poll when {@link io.mlplane.core.WaitOptions} do not say. */
    default io.mlplane.core.Backoff defaultBackoff() {
        return io.mlplane.core.Backoff.defaultBackoff();
    }

    /** Builds a {@link BackendCall} for this backend, for interceptors. */
    default BackendCall describeCall(String operation, int resources) {
        return new BackendCall(backend(), operation, resources);
    }
}
