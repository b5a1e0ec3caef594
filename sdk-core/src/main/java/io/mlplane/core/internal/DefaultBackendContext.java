package io.mlplane.core.internal;

import io.mlplane.core.Backoff;
import io.mlplane.core.BackendCall;
import io.mlplane.core.Interceptor;
import io.mlplane.core.TimeSource;
import io.mlplane.core.spi.BackendContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The context a provider hands to its drivers; holds the interceptor chain. */
public final class DefaultBackendContext implements BackendContext {

    private final String backend;
    private final TimeSource timeSource;
    private final RandomGenerator random;
    private final Map<Class<?>, Object> natives;
    private final Backoff defaultBackoff;
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();

    /**
     * @param natives the backend's native objects by the type {@link #unwrap} hands them out as
     */
    public DefaultBackendContext(String backend, TimeSource timeSource, RandomGenerator random,
            Map<Class<?>, Object> natives) {
        this(backend, timeSource, random, natives, Backoff.defaultBackoff());
    }

    /**
     * @param defaultBackoff how waits poll when their options do not say
     */
    public DefaultBackendContext(String backend, TimeSource timeSource, RandomGenerator random,
            Map<Class<?>, Object> natives, Backoff defaultBackoff) {
        this.defaultBackoff = Objects.requireNonNull(defaultBackoff, "defaultBackoff == null");
        this.backend = Objects.requireNonNull(backend, "backend == null");
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null");
        this.random = Objects.requireNonNull(random, "random == null");
        this.natives = Map.copyOf(natives);
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public TimeSource timeSource() {
        return timeSource;
    }

    @Override
    public Backoff defaultBackoff() {
        return defaultBackoff;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public <T> T call(String operation, int resources, Supplier<T> body) {
        if (interceptors.isEmpty()) {
            return body.get();
        }
        BackendCall call = describeCall(operation, resources);
        List<Interceptor> chain = List.copyOf(interceptors);
        chain.forEach(i -> i.beforeCall(call));
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                chain.get(i).onFailure(call, e);
            }
            throw e;
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).afterCall(call);
        }
        return result;
    }

    /** A native object created only when first unwrapped (for clients that must not connect early). */
    public static Object lazy(Supplier<?> supplier) {
        return new Lazy(supplier);
    }

    private record Lazy(Supplier<?> supplier) {
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        for (Map.Entry<Class<?>, Object> entry : natives.entrySet()) {
            if (type.isAssignableFrom(entry.getKey())) {
                Object value = entry.getValue() instanceof Lazy lazy ? lazy.supplier().get() : entry.getValue();
                return type.cast(value);
            }
        }
        throw new IllegalArgumentException("backend '" + backend + "' has no " + type.getName()
                + "; it offers " + natives.keySet().stream().map(Class::getName).sorted().toList());
    }

    void addInterceptor(Interceptor interceptor) {
        interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
    }

    void removeInterceptor(Interceptor interceptor) {
        interceptors.remove(interceptor);
    }
}
