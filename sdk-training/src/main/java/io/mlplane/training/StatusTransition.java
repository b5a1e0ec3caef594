package io.mlplane.training;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One phase in a training job's history: when it started, when it ended (or {@code null} if it is the
 * current one) and the backend's message about it.
 *
 * @param status the phase
 * @param startTime when the phase began
 * @param endTime when it ended, or {@code null} while it lasts
 * @param message the backend's description
 */
public record StatusTransition(SecondaryStatus status, Instant startTime, @Nullable Instant endTime,
        String message) {

    /** Rejects nulls where required. */
    public StatusTransition {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(startTime, "startTime == null");
        Objects.requireNonNull(message, "message == null");
    }
}
