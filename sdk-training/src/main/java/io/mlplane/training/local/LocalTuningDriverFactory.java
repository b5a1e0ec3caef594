package io.mlplane.training.local;

import io.mlplane.core.Capability;
import io.mlplane.core.local.LocalContext;
import io.mlplane.core.local.LocalProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TuningBackend;
import io.mlplane.training.spi.TuningDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/** Registers hyperparameter tuning jobs on the local backend. */
public final class LocalTuningDriverFactory extends TuningDriverFactory {

    @Override
    public String backend() {
        return LocalProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.HYPERPARAMETER_TUNING);
    }

    @Override
    protected TuningBackend createBackend(BackendContext context) {
        return new LocalTuningBackend(context.unwrap(LocalContext.class));
    }
}
