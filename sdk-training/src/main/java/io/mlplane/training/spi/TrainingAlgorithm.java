package io.mlplane.training.spi;

/**
 * A training program written in Java and run in process by the local backend, for development and tests
 * without a container: set it with {@code TrainingJobSpec.Builder.algorithm(...)}. It sees what a SageMaker
 * container sees (channels, hyperparameters, model, output and checkpoint directories) through its
 * {@link TrainingContext}. Remote backends cannot run it and refuse such specs with
 * {@link io.mlplane.core.UnsupportedFeatureException}.
 *
 * <p>To survive spot interruptions, write checkpoints to {@link TrainingContext#checkpointDir()} and resume from
 * them on start; return promptly once {@link TrainingContext#stopRequested()} is true. Throwing marks the job
 * failed with the exception's message as the failure reason.
 */
@FunctionalInterface
public interface TrainingAlgorithm {

    /** Trains, writing the model into {@link TrainingContext#modelDir()}. */
    void train(TrainingContext context) throws Exception;
}
