package io.mlplane.core;

/**
 * One call from mlplane to a backend driver, as seen by an {@link Interceptor}.
 *
 * @param backend the backend id
 * @param operation the driver operation, for example {@code "training.describeAll"}
 * @param resources how many resources the call is about (more than one for batch calls)
 */
public record BackendCall(String backend, String operation, int resources) {
}
