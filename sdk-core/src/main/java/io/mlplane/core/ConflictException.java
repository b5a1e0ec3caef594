package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * The request clashes with what exists: the name is taken by a different resource, or the resource is in a state that forbids the call.
 */
public class ConflictException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Without request details. */
    public ConflictException(String backend, String message) {
        this(backend, message, null, null, 0, null);
    }

    /** With the details of the failed request; see {@link BackendException}. */
    public ConflictException(String backend, String message, @Nullable String errorCode, @Nullable String requestId,
            int statusCode, @Nullable Throwable cause) {
        super(backend, message, errorCode, requestId, statusCode, cause, false);
    }
}
