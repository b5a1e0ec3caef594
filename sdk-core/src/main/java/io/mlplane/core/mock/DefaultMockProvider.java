package io.mlplane.core.mock;

import io.mlplane.core.Capability;
import io.mlplane.core.MlException;
import io.mlplane.core.Resource;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.internal.DefaultBackendContext;
import io.mlplane.core.internal.DefaultMlProvider;
import io.mlplane.core.internal.SynchronizedRandom;
import io.mlplane.core.spi.ResourceDriver;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The mock provider: the generic provider plus scripting, fault injection and the record of submits. */
final class DefaultMockProvider extends DefaultMlProvider implements MockProvider {

    /** The id of the mock backend. */
    static final String BACKEND = "mock";

    private final MockContext mock;

    DefaultMockProvider(long seed) {
        this(new MockContext(VirtualClock.create()), seed);
    }

    private DefaultMockProvider(MockContext mock, long seed) {
        super(new DefaultBackendContext(BACKEND, mock.clock(), SynchronizedRandom.seeded(seed),
                Map.of(MockContext.class, mock, VirtualClock.class, mock.clock())),
                EnumSet.noneOf(Capability.class), () -> { });
        this.mock = mock;
    }

    @Override
    public <R extends Resource> R submit(ResourceSpec<R> spec) {
        ResourceDriver<R> driver = checkedDriver(spec);
        driver.plan(spec); // backend validation first: an invalid spec is never recorded as submitted
        mock.record(spec);
        mock.maybeFailSubmit(spec);
        return driver.submit(spec);
    }

    @Override
    public VirtualClock clock() {
        return mock.clock();
    }

    @Override
    public JobScript onJob(String name) {
        return mock.script(name);
    }

    @Override
    public JobScript onAnyJob() {
        return mock.anyJob();
    }

    @Override
    public void injectSubmitFaults(double rate, long seed, Supplier<? extends MlException> failure) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        mock.injectSubmitFaults(rate, seed, Objects.requireNonNull(failure, "failure == null"));
    }

    @Override
    public void clearSubmitFaults() {
        mock.clearSubmitFaults();
    }

    @Override
    public List<ResourceSpec<?>> submittedSpecs() {
        return mock.submitted();
    }

    @Override
    public String toString() {
        return "MockProvider[" + mock.clock().now() + "]";
    }
}
