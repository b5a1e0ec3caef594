package io.mlplane.core;

/**
 * Observes every call mlplane makes to a backend driver: for metrics, tracing, audit logs or counting calls in
 * tests. Register with {@link MlProvider#addInterceptor}. Hooks run on the calling thread, in registration
 * order before the call and in reverse order after it; every hook has a no-op default.
 */
public interface Interceptor {

    /** Before the call is made. */
    default void beforeCall(BackendCall call) {
    }

    /** After the call returned normally. */
    default void afterCall(BackendCall call) {
    }

    /** After the call failed with {@code failure}. */
    default void onFailure(BackendCall call, RuntimeException failure) {
    }
}
