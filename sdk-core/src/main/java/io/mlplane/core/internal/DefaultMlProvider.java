package io.mlplane.core.internal;

import io.mlplane.core.Capabilities;
import io.mlplane.core.Capability;
import io.mlplane.core.Interceptor;
import io.mlplane.core.MlProvider;
import io.mlplane.core.Plan;
import io.mlplane.core.Resource;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.spi.ResourceDriver;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider for any backend: routes each spec to the driver registered for its resource type and backend,
 * after checking the capabilities it needs.
 */
public class DefaultMlProvider implements MlProvider {

    private final DefaultBackendContext context;
    private final DriverRegistry drivers;
    private final Capabilities capabilities;
    private final AutoCloseable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param baseCapabilities what the backend offers regardless of drivers
     * @param onClose releases the backend's native resources
     */
    public DefaultMlProvider(DefaultBackendContext context, Set<Capability> baseCapabilities, AutoCloseable onClose) {
        this.context = Objects.requireNonNull(context, "context == null");
        this.drivers = new DriverRegistry(context, classLoader());
        Set<Capability> all = EnumSet.noneOf(Capability.class);
        all.addAll(baseCapabilities);
        all.addAll(drivers.capabilities());
        this.capabilities = new Capabilities(context.backend(), all, drivers.advice());
        this.onClose = onClose;
    }

    private static ClassLoader classLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : DefaultMlProvider.class.getClassLoader();
    }

    /** The context shared with the drivers. */
    protected DefaultBackendContext context() {
        return context;
    }

    @Override
    public String backend() {
        return context.backend();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Plan plan(ResourceSpec<?> spec) {
        return new Plan(backend(), planRequests(spec));
    }

    private <R extends Resource> List<io.mlplane.core.PlannedRequest> planRequests(ResourceSpec<R> spec) {
        return checkedDriver(spec).plan(spec);
    }

    @Override
    public <R extends Resource> R submit(ResourceSpec<R> spec) {
        return checkedDriver(spec).submit(spec);
    }

    /** The driver for {@code spec}, after checking the provider is open and offers what the spec needs. */
    protected <R extends Resource> ResourceDriver<R> checkedDriver(ResourceSpec<R> spec) {
        Objects.requireNonNull(spec, "spec == null");
        ensureOpen();
        ResourceDriver<R> driver = drivers.driver(spec.resourceType());
        capabilities.require(spec.requiredCapabilities(),
                spec.resourceType().getSimpleName() + " '" + spec.name() + "'");
        return driver;
    }

    @Override
    public <R extends Resource> Optional<R> get(Class<R> type, String name) {
        Objects.requireNonNull(name, "name == null");
        ensureOpen();
        return drivers.driver(type).get(name);
    }

    @Override
    public <R extends Resource> List<R> list(Class<R> type) {
        ensureOpen();
        return drivers.driver(type).list();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return context.unwrap(type);
    }

    @Override
    public void addInterceptor(Interceptor interceptor) {
        context.addInterceptor(interceptor);
    }

    @Override
    public void removeInterceptor(Interceptor interceptor) {
        context.removeInterceptor(interceptor);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("provider for backend '" + backend() + "' is closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                onClose.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing backend '" + backend() + "' failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "MlProvider[" + backend() + "]";
    }
}
