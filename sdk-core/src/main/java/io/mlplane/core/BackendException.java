package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * A backend refused or failed a call. Subclasses name the portable cases (not found, conflict, throttled,
 * quota); this class itself covers the rest, for example a service-side validation error, with the
 * service's own message. The native exception is the {@link #getCause() cause}.
 */
public class BackendException extends MlException {

    private static final long serialVersionUID = 1L;

    private final String backend;
    private final @Nullable String errorCode;
    private final @Nullable String requestId;
    private final int statusCode;

    /** A backend failure without request details. */
    public BackendException(String backend, String message) {
        this(backend, message, null, null, 0, null, false);
    }

    /**
     * @param backend the backend id
     * @param message what went wrong, including the backend's own message
     * @param errorCode the backend's error code, if it has one (for example {@code ValidationException})
     * @param requestId the backend's request id, if it has one
     * @param statusCode the HTTP status, or 0 when there was none
     * @param cause the native exception
     * @param retryable whether repeating the call may succeed
     */
    public BackendException(String backend, String message, @Nullable String errorCode, @Nullable String requestId,
            int statusCode, @Nullable Throwable cause, boolean retryable) {
        super(message, cause, retryable);
        this.backend = backend;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.statusCode = statusCode;
    }

    /** The backend id. */
    public String backend() {
        return backend;
    }

    /** The backend's error code, or {@code null}. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** The backend's request id, or {@code null}. */
    public @Nullable String requestId() {
        return requestId;
    }

    /** The HTTP status code, or 0 when the failure had none. */
    public int statusCode() {
        return statusCode;
    }

    /** Whether the backend said the caller is sending too fast. */
    public boolean throttled() {
        return false;
    }
}
