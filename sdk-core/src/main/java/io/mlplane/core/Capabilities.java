package io.mlplane.core;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The set of {@link Capability capabilities} one backend offers, as reported by
 * {@link MlProvider#capabilities()}.
 *
 * @param backend the backend id
 * @param supported what the backend can do
 */
public record Capabilities(String backend, Set<Capability> supported) {

    /** Copies {@code supported} so the record stays immutable. */
    public Capabilities {
        Objects.requireNonNull(backend, "backend == null");
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    }

    /** Whether the backend offers {@code capability}. */
    public boolean supports(Capability capability) {
        return supported.contains(capability);
    }

    /**
     * Throws {@link UnsupportedFeatureException} naming the first of {@code required} this backend lacks.
     *
     * @param what a short description of what needs the capabilities, for the message
     */
    public void require(Set<Capability> required, String what) {
        for (Capability capability : EnumSet.copyOf(required.isEmpty() ? EnumSet.noneOf(Capability.class) : required)) {
            if (!supports(capability)) {
                throw new UnsupportedFeatureException(capability.name(), backend,
                        what + " needs " + capability + ", which backend '" + backend + "' does not offer");
            }
        }
    }
}
