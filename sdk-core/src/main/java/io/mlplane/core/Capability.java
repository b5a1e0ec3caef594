package io.mlplane.core;

/**
 * An optional feature a backend may or may not offer. Ask with {@link Capabilities#supports(Capability)};
 * a spec that needs a capability the backend lacks fails with {@link UnsupportedFeatureException}.
 */
public enum Capability {
    /** Training jobs at all. */
    TRAINING,
    /** Channels streamed in {@code Pipe} input mode. */
    PIPE_MODE,
    /** Channels mounted in {@code FastFile} input mode. */
    FAST_FILE_MODE,
    /** Managed spot training (interruptible capacity with a max wait). */
    SPOT_TRAINING,
    /** Checkpoints synced to durable storage so that interrupted jobs resume. */
    CHECKPOINTING,
    /** More than one training instance per job. */
    DISTRIBUTED_TRAINING,
    /** Containers that run in a VPC (subnets and security groups). */
    VPC,
    /** Customer-managed encryption keys for volumes and outputs. */
    KMS_ENCRYPTION,
    /** Containers without network access. */
    NETWORK_ISOLATION,
    /** Encryption of traffic between training instances. */
    INTER_CONTAINER_ENCRYPTION,
    /** Training programs written in Java and run in process (the local and mock backends). */
    IN_PROCESS_ALGORITHM,
    /** Hyperparameter tuning jobs. */
    HYPERPARAMETER_TUNING,
    /** Real-time inference endpoints. */
    REAL_TIME_ENDPOINTS,
    /** Endpoints that host many models behind one variant. */
    MULTI_MODEL_ENDPOINTS,
    /** Autoscaling policies on endpoint variants. */
    AUTOSCALING,
    /** Capture of endpoint requests and responses. */
    DATA_CAPTURE,
    /** Scheduled model monitoring. */
    MODEL_MONITORING
}
