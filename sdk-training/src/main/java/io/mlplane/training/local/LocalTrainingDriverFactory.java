package io.mlplane.training.local;

import io.mlplane.core.Capability;
import io.mlplane.core.local.LocalContext;
import io.mlplane.core.local.LocalProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TrainingBackend;
import io.mlplane.training.spi.TrainingDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers training jobs on the local backend. It cannot offer what needs a cloud or cluster: VPCs, KMS
 * keys, network isolation, inter-container encryption; Pipe mode needs {@code mkfifo} on this machine.
 */
public final class LocalTrainingDriverFactory extends TrainingDriverFactory {

    private static final boolean FIFOS = PipeFeeder.supported();

    @Override
    public String backend() {
        return LocalProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.of(Capability.TRAINING, Capability.FAST_FILE_MODE,
                Capability.SPOT_TRAINING, Capability.CHECKPOINTING, Capability.DISTRIBUTED_TRAINING,
                Capability.IN_PROCESS_ALGORITHM);
        if (FIFOS) {
            capabilities.add(Capability.PIPE_MODE);
        }
        return capabilities;
    }

    @Override
    protected TrainingBackend createBackend(BackendContext context) {
        return new LocalTrainingBackend(context.unwrap(LocalContext.class));
    }
}
