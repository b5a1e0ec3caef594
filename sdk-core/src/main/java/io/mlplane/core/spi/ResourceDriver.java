package io.mlplane.core.spi;

import io.mlplane.core.PlannedRequest;
import io.mlplane.core.Resource;
import io.mlplane.core.ResourceSpec;
import java.util.List;
import java.util.Optional;

/**
 * Does one kind of resource on one backend. Created by a {@link ResourceDriverFactory} once per provider.
 *
 * <p>Notes for implementers: keep no status cache (every query goes to the backend); check backend-specific
 * limits in {@link #plan} and {@link #submit} and report them all in one
 * {@link io.mlplane.core.ValidationException}; translate every native failure into an
 * {@link io.mlplane.core.MlException}; make {@link #submit} idempotent for an identical spec.
 *
 * @param <R> the handle type
 */
public interface ResourceDriver<R extends Resource> {

    /** The requests {@link #submit} would send, with no side effects. */
    List<PlannedRequest> plan(ResourceSpec<R> spec);

    /** Creates the resource (or finds the identical existing one) and returns its handle. */
    R submit(ResourceSpec<R> spec);

    /** The handle of an existing resource, or empty. */
    Optional<R> get(String name);

    /** Handles of all resources of this kind. */
    List<R> list();
}
