package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception mlplane throws for a failure that is not the caller's programming mistake, so
 * one {@code catch (MlException e)} covers them all. The backend's native exception, when there is one,
 * travels as the {@link #getCause() cause}.
 *
 * <p>{@link #retryable()} tells whether repeating the same call may succeed without any change (throttling,
 * a transient server error); the SDK's own retry policy defaults to it.
 */
public class MlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /** Creates a non-retryable exception. */
    public MlException(String message) {
        this(message, null, false);
    }

    /** Creates an exception with a cause and an explicit retryable flag. */
    public MlException(String message, @Nullable Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether the same call may succeed if simply repeated later. */
    public boolean retryable() {
        return retryable;
    }
}
