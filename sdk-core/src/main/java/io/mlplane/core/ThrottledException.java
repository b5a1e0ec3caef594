package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * The backend asked the caller to slow down. Always {@link #retryable() retryable}; the SDK's retry policy
 * backs off and repeats such calls before one ever reaches the caller.
 */
public class ThrottledException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Without request details. */
    public ThrottledException(String backend, String message) {
        this(backend, message, null, null, 0, null);
    }

    /** With the details of the failed request; see {@link BackendException}. */
    public ThrottledException(String backend, String message, @Nullable String errorCode, @Nullable String requestId,
            int statusCode, @Nullable Throwable cause) {
        super(backend, message, errorCode, requestId, statusCode, cause, true);
    }

    @Override
    public boolean throttled() {
        return true;
    }
}
