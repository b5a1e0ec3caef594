package io.mlplane.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to wait: the deadline, the polling {@link Backoff}, listeners for status changes and an optional
 * {@link CancellationToken}. Create with {@link #of(Duration)} or {@link #builder()}.
 *
 * @param timeout how long to wait in total before {@link WaitTimeoutException}
 * @param backoff how often to poll, or {@code null} for the backend's default (for example slow on SageMaker,
 *     quick on the local backend)
 * @param listeners notified of every status change seen, in order
 * @param cancellation ends the wait early when cancelled; {@code null} for none
 */
public record WaitOptions(Duration timeout, @Nullable Backoff backoff, List<StatusListener> listeners,
        @Nullable CancellationToken cancellation) {

    /**
     * Checks the timeout and copies the listeners.
     *
     * @throws IllegalArgumentException if the timeout is negative
     */
    public WaitOptions {
        Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        listeners = List.copyOf(listeners);
    }

    /** Waits up to {@code timeout}, polling at the backend's default pace. */
    public static WaitOptions of(Duration timeout) {
        return builder().timeout(timeout).build();
    }

    /** A builder starting from a one-hour timeout and the backend's default backoff. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder builder = builder().timeout(timeout).backoff(backoff).cancellation(cancellation);
        listeners.forEach(builder::listener);
        return builder;
    }

    /** Builds {@link WaitOptions}. */
    public static final class Builder {
        private Duration timeout = Duration.ofHours(1);
        private @Nullable Backoff backoff;
        private final List<StatusListener> listeners = new ArrayList<>();
        private @Nullable CancellationToken cancellation;

        private Builder() {
        }

        /** The total time to wait. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        /** The polling backoff; {@code null} for the backend's default. */
        public Builder backoff(@Nullable Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        /** Adds a status listener. */
        public Builder listener(StatusListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener == null"));
            return this;
        }

        /** The token that cancels the wait; {@code null} for none. */
        public Builder cancellation(@Nullable CancellationToken cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        /** The options. */
        public WaitOptions build() {
            return new WaitOptions(timeout, backoff, listeners, cancellation);
        }
    }
}
