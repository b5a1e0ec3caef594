package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * An account or cluster limit was reached (for example the number of concurrent training jobs). Retrying does not help until capacity is freed or the quota raised.
 */
public class QuotaExceededException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Without request details. */
    public QuotaExceededException(String backend, String message) {
        this(backend, message, null, null, 0, null);
    }

    /** With the details of the failed request; see {@link BackendException}. */
    public QuotaExceededException(String backend, String message, @Nullable String errorCode, @Nullable String requestId,
            int statusCode, @Nullable Throwable cause) {
        super(backend, message, errorCode, requestId, statusCode, cause, false);
    }
}
