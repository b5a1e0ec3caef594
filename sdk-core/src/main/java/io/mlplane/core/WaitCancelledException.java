package io.mlplane.core;

import org.jspecify.annotations.Nullable;

/**
 * A wait ended early because its {@link CancellationToken} was cancelled or its thread was interrupted (in
 * which case the interrupt flag is restored). The awaited resources are untouched: they keep running.
 */
public class WaitCancelledException extends MlException {

    private static final long serialVersionUID = 1L;

    /** @param cause the {@link InterruptedException}, when the thread was interrupted */
    public WaitCancelledException(String message, @Nullable Throwable cause) {
        super(message, cause, false);
    }
}
