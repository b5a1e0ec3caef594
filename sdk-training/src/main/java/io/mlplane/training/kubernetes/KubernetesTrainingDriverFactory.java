package io.mlplane.training.kubernetes;

import io.mlplane.core.Capability;
import io.mlplane.core.kubernetes.KubernetesContext;
import io.mlplane.core.kubernetes.KubernetesProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TrainingBackend;
import io.mlplane.training.spi.TrainingDriverFactory;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Registers training jobs on Kubernetes. Kubeflow has no equivalent of SageMaker's Pipe and FastFile input, so
 * those are refused (never silently downgraded to File), with the alternatives in the message.
 */
public final class KubernetesTrainingDriverFactory extends TrainingDriverFactory {

    @Override
    public String backend() {
        return KubernetesProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRAINING, Capability.SPOT_TRAINING, Capability.CHECKPOINTING,
                Capability.DISTRIBUTED_TRAINING);
    }

    @Override
    public Map<Capability, String> unsupportedAdvice() {
        String streaming = "use File input (staged by an init container), mount the data as a pvc://claim/path"
                + " (for example an S3 CSI volume), stream from object storage in your training code, or submit to"
                + " the sagemaker backend, which offers Pipe and FastFile";
        return Map.of(
                Capability.PIPE_MODE, streaming,
                Capability.FAST_FILE_MODE, streaming,
                Capability.IN_PROCESS_ALGORITHM, "Java algorithms run only on the local and mock backends; package"
                        + " the training program in an image and set image(...) and entryPoint(...)",
                Capability.VPC, "pods use the cluster network; control traffic with NetworkPolicies",
                Capability.KMS_ENCRYPTION, "encrypt volumes and buckets on the cluster side (StorageClass, bucket policy)",
                Capability.NETWORK_ISOLATION, "apply a deny-all NetworkPolicy to the job's pods (label mlplane.io/training-job)",
                Capability.INTER_CONTAINER_ENCRYPTION, "use a service mesh with mutual TLS between the job's pods");
    }

    @Override
    protected TrainingBackend createBackend(BackendContext context) {
        return new KubernetesTrainingBackend(context.unwrap(KubernetesContext.class));
    }
}
