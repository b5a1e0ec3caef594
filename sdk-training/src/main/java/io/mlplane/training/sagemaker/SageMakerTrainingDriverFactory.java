package io.mlplane.training.sagemaker;

import io.mlplane.core.Capability;
import io.mlplane.core.sagemaker.SageMakerContext;
import io.mlplane.core.sagemaker.SageMakerProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TrainingBackend;
import io.mlplane.training.spi.TrainingDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/** Registers training jobs on SageMaker, which offers every training capability. */
public final class SageMakerTrainingDriverFactory extends TrainingDriverFactory {

    @Override
    public String backend() {
        return SageMakerProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRAINING, Capability.PIPE_MODE, Capability.FAST_FILE_MODE,
                Capability.SPOT_TRAINING, Capability.CHECKPOINTING, Capability.DISTRIBUTED_TRAINING, Capability.VPC,
                Capability.KMS_ENCRYPTION, Capability.NETWORK_ISOLATION, Capability.INTER_CONTAINER_ENCRYPTION);
    }

    @Override
    protected TrainingBackend createBackend(BackendContext context) {
        return new SageMakerTrainingBackend(context.unwrap(SageMakerContext.class), context.timeSource());
    }
}
