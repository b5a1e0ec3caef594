package io.mlplane.training.sagemaker;

import io.mlplane.core.Capability;
import io.mlplane.core.sagemaker.SageMakerContext;
import io.mlplane.core.sagemaker.SageMakerProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TuningBackend;
import io.mlplane.training.spi.TuningDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/** Registers hyperparameter tuning jobs on SageMaker. */
public final class SageMakerTuningDriverFactory extends TuningDriverFactory {

    @Override
    public String backend() {
        return SageMakerProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.HYPERPARAMETER_TUNING);
    }

    @Override
    protected TuningBackend createBackend(BackendContext context) {
        return new SageMakerTuningBackend(context.unwrap(SageMakerContext.class));
    }
}
