package io.mlplane.core.mock;

import io.mlplane.core.MlException;
import io.mlplane.core.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The shared state of one mock provider, as the mock drivers see it (through
 * {@code BackendContext.unwrap(MockContext.class)}): the virtual clock, the scripts, the fault injection
 * and the record of submitted specs. Users script through {@link MockProvider} instead.
 */
public final class MockContext {

    private final VirtualClock clock;
    private final Map<String, JobScript> scripts = new ConcurrentHashMap<>();
    private final JobScript anyJob = new JobScript();
    private final List<ResourceSpec<?>> submitted = new ArrayList<>();
    private @Nullable SubmitFaults faults;

    MockContext(VirtualClock clock) {
        this.clock = clock;
    }

    /** The virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** The script for jobs named {@code name}, created on first use. */
    JobScript script(String name) {
        return scripts.computeIfAbsent(Objects.requireNonNull(name, "name == null"), n -> new JobScript());
    }

    /** The script for jobs that have no script of their own. */
    JobScript anyJob() {
        return anyJob;
    }

    /** The behaviour a resource named {@code name} gets if it is submitted now. */
    public MockBehavior behaviorFor(String name) {
        JobScript own = scripts.get(name);
        return (own != null ? own : anyJob).toBehavior();
    }

    synchronized void record(ResourceSpec<?> spec) {
        submitted.add(spec);
    }

    synchronized List<ResourceSpec<?>> submitted() {
        return List.copyOf(submitted);
    }

    synchronized void injectSubmitFaults(double rate, long seed, Supplier<? extends MlException> failure) {
        faults = new SubmitFaults(rate, new Random(seed), failure);
    }

    synchronized void clearSubmitFaults() {
        faults = null;
    }

    /** Throws the injected or scripted submit failure for {@code spec}, if any. */
    void maybeFailSubmit(ResourceSpec<?> spec) {
        Supplier<? extends MlException> failure = behaviorFor(spec.name()).submitFailure();
        if (failure == null) {
            synchronized (this) {
                if (faults != null && faults.random().nextDouble() < faults.rate()) {
                    failure = faults.failure();
                }
            }
        }
        if (failure != null) {
            throw failure.get();
        }
    }

    private record SubmitFaults(double rate, Random random, Supplier<? extends MlException> failure) {
    }
}
