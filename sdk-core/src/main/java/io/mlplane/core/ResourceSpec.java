package io.mlplane.core;

import java.util.Set;

/**
 * An immutable, already validated description of a resource to create; {@link MlProvider#submit} turns it
 * into a typed handle of type {@code R}.
 *
 * <p>Specs validate completely when they are built, so a spec instance is always well-formed; backend-specific
 * limits are checked again by {@link MlProvider#plan} and {@link MlProvider#submit} before anything is sent.
 *
 * @param <R> the handle type that submitting this spec returns
 */
public interface ResourceSpec<R extends Resource> {

    /** The name the resource will have on the backend. */
    String name();

    /** The handle type, used to find the backend driver for this kind of resource. */
    Class<R> resourceType();

    /**
     * The optional capabilities this particular spec relies on (for example {@link Capability#PIPE_MODE}).
     * A backend lacking one of them refuses the spec with {@link UnsupportedFeatureException} instead of
     * silently dropping the field.
     */
    default Set<Capability> requiredCapabilities() {
        return Set.of();
    }
}
