package io.mlplane.core;

/**
 * A handle to something that lives on a backend: a training job, a tuning job, an endpoint.
 *
 * <p>Handles are cheap, stateless views: every query goes to the backend, nothing is cached. They are
 * interfaces so that tests can stub them with Mockito.
 */
public interface Resource {

    /** The resource's name, unique per kind on its backend. */
    String name();

    /** The id of the backend that holds it, for example {@code "mock"} or {@code "sagemaker"}. */
    String backend();
}
