package io.mlplane.training.mock;

import io.mlplane.core.Capability;
import io.mlplane.core.mock.MockContext;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TrainingBackend;
import io.mlplane.training.spi.TrainingDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers training jobs on the mock backend, which simulates every training capability. It never runs a
 * spec's entry point or {@code TrainingAlgorithm}: the job's script decides its outcome, so the same spec that
 * runs locally can be unit-tested against the mock.
 */
public final class MockTrainingDriverFactory extends TrainingDriverFactory {

    @Override
    public String backend() {
        return "mock";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRAINING, Capability.PIPE_MODE, Capability.FAST_FILE_MODE,
                Capability.SPOT_TRAINING, Capability.CHECKPOINTING, Capability.DISTRIBUTED_TRAINING, Capability.VPC,
                Capability.KMS_ENCRYPTION, Capability.NETWORK_ISOLATION, Capability.INTER_CONTAINER_ENCRYPTION,
                Capability.IN_PROCESS_ALGORITHM);
    }

    @Override
    protected TrainingBackend createBackend(BackendContext context) {
        return new MockTrainingBackend(context.backend(), context.unwrap(MockContext.class));
    }
}
