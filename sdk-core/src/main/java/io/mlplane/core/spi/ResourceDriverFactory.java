package io.mlplane.core.spi;

import io.mlplane.core.Capability;
import io.mlplane.core.Resource;
import java.util.Set;

/**
 * Registers a {@link ResourceDriver} for one (resource kind, backend) pair. Implementations are listed in
 * {@code META-INF/services/io.mlplane.core.spi.ResourceDriverFactory} and found with
 * {@link java.util.ServiceLoader} when a provider is created, so adding a feature or a backend never edits
 * another module.
 *
 * <p>When two factories claim the same pair, the higher {@link #priority()} wins; a tie is logged and the
 * first one found is used.
 */
public interface ResourceDriverFactory {

    /** The backend id this driver serves, for example {@code "mock"}. */
    String backend();

    /** The handle type this driver produces. */
    Class<? extends Resource> resourceType();

    /** The capabilities this driver adds to its backend. */
    Set<Capability> capabilities();

    /** For capabilities this driver lacks, what users can do instead; shown in the refusal's message. */
    default java.util.Map<Capability, String> unsupportedAdvice() {
        return java.util.Map.of();
    }

    /** Precedence among factories for the same pair; higher wins. */
    default int priority() {
        return 0;
    }

    /** Creates the driver for one provider. */
    ResourceDriver<?> create(BackendContext context);
}
