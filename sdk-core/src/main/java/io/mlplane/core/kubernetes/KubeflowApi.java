package io.mlplane.core.kubernetes;

/**
 * Which Kubeflow training API the Kubernetes backend emits.
 *
 * <p>The default is {@link #TRAINING_OPERATOR_V1}: its jobs carry a full pod template per replica, so the
 * SageMaker container contract (init containers, sidecars, volumes, spot placement) is expressed directly and
 * stably, and it is what most clusters run today. {@link #TRAINER_V2} targets Kubeflow Trainer v2.3: a
 * {@code TrainJob} referencing a training runtime, with pod changes through {@code runtimePatches}, whose shape
 * changed in every v2 minor release so far.
 */
public enum KubeflowApi {
    /** {@code kubeflow.org/v1} {@code PyTorchJob} (Training Operator v1.9). */
    TRAINING_OPERATOR_V1,
    /** {@code trainer.kubeflow.org/v1alpha1} {@code TrainJob} (Trainer v2.3). */
    TRAINER_V2
}
