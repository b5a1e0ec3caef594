package io.mlplane.core.spi;

import java.util.Collection;
import java.util.Map;

/**
 * What {@link PollingWaiter} needs from a driver: the current observation of many resources in one batch
 * (one List call where the backend allows), whether an observation is terminal, and its status text.
 *
 * @param <T> the observation type, for example a training job description
 */
public interface StatusProbe<T> {

    /**
     * Observes all {@code names} at once. A name missing from the result is taken as deleted, which ends
     * the wait with {@link io.mlplane.core.ResourceNotFoundException}.
     */
    Map<String, T> poll(Collection<String> names);

    /** Whether the resource has reached a state it will not leave on its own. */
    boolean isTerminal(T observation);

    /** A short status text for listeners and timeout messages, for example {@code "InProgress/Training"}. */
    String status(T observation);
}
