package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * A named resource does not exist on the backend.
 */
public class ResourceNotFoundException extends BackendException {

    private static final long serialVersionUID = 1L;

    /** Without request details. */
    public ResourceNotFoundException(String backend, String message) {
        this(backend, message, null, null, 0, null);
    }

    /** With the details of the failed request; see {@link BackendException}. */
    public ResourceNotFoundException(String backend, String message, @Nullable String errorCode, @Nullable String requestId,
            int statusCode, @Nullable Throwable cause) {
        super(backend, message, errorCode, requestId, statusCode, cause, false);
    }
}
