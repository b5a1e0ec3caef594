package io.mlplane.core;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The set of {@link Capability capabilities} one backend offers, as reported by
 * {@link MlProvider#capabilities()}.
 *
 * @param backend the backend id
 * @param supported what the backend can do
 * @param advice for capabilities it lacks, what to do instead (used in error messages)
 */
public record Capabilities(String backend, Set<Capability> supported, Map<Capability, String> advice) {

    /** Copies the collections so the record stays immutable. */
    public Capabilities {
        Objects.requireNonNull(backend, "backend == null");
        supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
        advice = Map.copyOf(advice);
    }

    /** Capabilities without advice. */
    public Capabilities(String backend, Set<Capability> supported) {
        this(backend, supported, Map.of());
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
                String hint = advice.get(capability);
                throw new UnsupportedFeatureException(capability.name(), backend,
                        what + " needs " + capability + ", which backend '" + backend + "' does not offer"
                                + (hint == null ? "" : ": " + hint));
            }
        }
    }
}
