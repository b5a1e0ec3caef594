package io.mlplane.training.mock;

import io.mlplane.core.Capability;
import io.mlplane.core.mock.MockContext;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TuningBackend;
import io.mlplane.training.spi.TuningDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/** Registers tuning jobs on the mock backend. */
public final class MockTuningDriverFactory extends TuningDriverFactory {

    @Override
    public String backend() {
        return "mock";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.HYPERPARAMETER_TUNING);
    }

    @Override
    protected TuningBackend createBackend(BackendContext context) {
        return new MockTuningBackend(context.backend(), context.unwrap(MockContext.class));
    }
}
