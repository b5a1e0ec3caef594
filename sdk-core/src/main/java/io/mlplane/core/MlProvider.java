package io.mlplane.core;

import java.util.List;
import java.util.Optional;

/**
 * One backend (SageMaker, Kubernetes, the local machine or the in-memory mock) behind one typed API. Get one
 * from {@link MlProviders}; close it when done to release its clients and threads.
 *
 * <pre>{@code
 * try (MlProvider ml = MlProviders.mock()) {
 *     TrainingJob job = ml.submit(spec);
 *     TrainingResult result = job.awaitCompletion(Duration.ofHours(3));
 * }
 * }</pre>
 *
 * <p>Every operation validates the spec against the backend's limits before anything is sent, and every
 * backend failure surfaces as an {@link MlException}. Implementations are thread-safe.
 */
public interface MlProvider extends AutoCloseable {

    /** The backend id: {@code "mock"}, {@code "local"}, {@code "sagemaker"} or {@code "kubernetes"}. */
    String backend();

    /** What this backend can do. */
    Capabilities capabilities();

    /**
     * The requests {@link #submit} would send for {@code spec}, without side effects and without credentials.
     *
     * @throws UnsupportedFeatureException if the backend cannot run this spec
     * @throws ValidationException if the spec breaks a limit of this backend
     */
    Plan plan(ResourceSpec<?> spec);

    /**
     * Creates the resource and returns its handle. Idempotent: submitting a spec identical to the existing
     * resource of that name returns the existing one; a different spec under a taken name fails with
     * {@link ConflictException}.
     *
     * @throws UnsupportedFeatureException if the backend cannot run this spec
     * @throws ValidationException if the spec breaks a limit of this backend
     * @throws MlException for any backend failure
     */
    <R extends Resource> R submit(ResourceSpec<R> spec);

    /**
     * The handle of an existing resource, or empty when there is none of that name.
     *
     * @throws UnsupportedFeatureException if the backend has no such kind of resource
     */
    <R extends Resource> Optional<R> get(Class<R> type, String name);

    /**
     * Handles of all resources of a kind on the backend.
     *
     * @throws UnsupportedFeatureException if the backend has no such kind of resource
     */
    <R extends Resource> List<R> list(Class<R> type);

    /**
     * The backend's native client or context, for what mlplane does not cover (for example the AWS
     * {@code SageMakerClient} or the fabric8 {@code KubernetesClient}).
     *
     * @throws IllegalArgumentException if this backend has nothing of that type
     */
    <T> T unwrap(Class<T> type);

    /** Registers an interceptor for all later backend calls. */
    void addInterceptor(Interceptor interceptor);

    /** Removes an interceptor registered earlier; does nothing if it is not registered. */
    void removeInterceptor(Interceptor interceptor);

    /** Releases the backend's clients and threads. Handles obtained from this provider stop working. */
    @Override
    void close();
}
