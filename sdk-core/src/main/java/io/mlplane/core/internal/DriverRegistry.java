package io.mlplane.core.internal;

import io.mlplane.core.Capability;
import io.mlplane.core.Resource;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.core.spi.ResourceDriver;
import io.mlplane.core.spi.ResourceDriverFactory;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The drivers of one backend, found with {@link ServiceLoader} and created lazily, once per provider. */
final class DriverRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);

    private final BackendContext context;
    private final Map<Class<?>, ResourceDriverFactory> factories;
    private final Map<Class<?>, ResourceDriver<?>> drivers = new ConcurrentHashMap<>();

    DriverRegistry(BackendContext context, ClassLoader loader) {
        this.context = context;
        this.factories = discover(context.backend(), loader);
    }

    private static Map<Class<?>, ResourceDriverFactory> discover(String backend, ClassLoader loader) {
        Map<Class<?>, ResourceDriverFactory> chosen = new HashMap<>();
        for (ResourceDriverFactory factory : ServiceLoader.load(ResourceDriverFactory.class, loader)) {
            if (!factory.backend().equals(backend)) {
                continue;
            }
            ResourceDriverFactory existing = chosen.get(factory.resourceType());
            if (existing == null || factory.priority() > existing.priority()) {
                chosen.put(factory.resourceType(), factory);
            } else if (factory.priority() == existing.priority()) {
                LOG.warn("two drivers for {} on backend '{}' with priority {}: using {}, ignoring {}",
                        factory.resourceType().getSimpleName(), backend, factory.priority(),
                        existing.getClass().getName(), factory.getClass().getName());
            }
        }
        LOG.debug("backend '{}' has drivers for {}", backend, chosen.keySet());
        return Map.copyOf(chosen);
    }

    Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        factories.values().forEach(f -> all.addAll(f.capabilities()));
        return all;
    }

    java.util.Map<Capability, String> advice() {
        java.util.Map<Capability, String> all = new java.util.EnumMap<>(Capability.class);
        factories.values().forEach(f -> all.putAll(f.unsupportedAdvice()));
        return all;
    }

    @SuppressWarnings("unchecked")
    <R extends Resource> ResourceDriver<R> driver(Class<R> type) {
        return (ResourceDriver<R>) drivers.computeIfAbsent(type, t -> {
            ResourceDriverFactory factory = factories.get(t);
            if (factory == null) {
                throw new UnsupportedFeatureException(type.getSimpleName(), context.backend(),
                        "backend '" + context.backend() + "' has no driver for " + type.getSimpleName()
                                + " resources: put the module that provides one on the class path (for example"
                                + " io.mlplane:sdk-training for training jobs); drivers are found with ServiceLoader"
                                + " as " + ResourceDriverFactory.class.getName());
            }
            return factory.create(context);
        });
    }
}
