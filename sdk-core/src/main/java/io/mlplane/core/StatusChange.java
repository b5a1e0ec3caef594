package io.mlplane.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A waited-on resource was seen in a new status.
 *
 * @param kind the kind of resource, for example {@code "training job"}
 * @param name the resource's name
 * @param previous the status seen before, or {@code null} on the first observation
 * @param current the status seen now
 * @param at when it was observed, on the provider's {@link TimeSource}
 */
public record StatusChange(String kind, String name, @Nullable String previous, String current, Instant at) {
}
