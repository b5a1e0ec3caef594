package io.mlplane.core.kubernetes;

import io.mlplane.core.TimeSource;
import io.mlplane.core.ValidationException;
import io.mlplane.core.spi.Violations;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the Kubernetes backend runs jobs: where (namespace, service account), as what (Kubeflow Training Operator
 * v1 jobs by default, or Trainer v2 TrainJobs), on which nodes (the {@code ml.*} instance catalog, spot
 * placement) and how data reaches the pods (a data-loader image for {@code s3://}, volumes for
 * {@code pvc://claim/path}). Build with {@link #builder()}; everything has a default.
 *
 * @param namespace where jobs and their objects are created
 * @param client the client to use, or {@code null} to auto-configure one (kubeconfig or in-cluster)
 * @param serviceAccount the pods' service account (for example one with an IAM role, IRSA), or {@code null}
 * @param imagePullSecrets secrets for pulling private images
 * @param api which Kubeflow training API to emit
 * @param trainerRuntime the {@code ClusterTrainingRuntime} a Trainer v2 TrainJob refers to
 * @param instanceTypes {@code ml.*} instance type to pod resources and node type
 * @param jobResources explicit pod resources for particular jobs (by job name), overriding their instance type
 * @param instanceTypeLabel the node label the node type is selected by
 * @param spotNodeSelector node labels that select spot capacity
 * @param spotTolerations tolerations that let spot jobs onto spot nodes
 * @param backoffLimit how many restarts a job gets (after spot preemption, for example) before it fails
 * @param dataLoaderImage the image that stages {@code s3://} data and delivers models and checkpoints; it needs
 *     {@code sh}, {@code tar} and the AWS CLI
 * @param s3CredentialsSecret a secret with {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} for the data
 *     loader, or {@code null} to rely on the service account (IRSA)
 * @param timeSource the clock and sleeper of waits (tests pass a virtual clock)
 */
public record KubernetesConfig(String namespace, @Nullable KubernetesClient client, @Nullable String serviceAccount,
        List<String> imagePullSecrets, KubeflowApi api, String trainerRuntime, Map<String, InstanceResources> instanceTypes,
        Map<String, InstanceResources> jobResources,
        String instanceTypeLabel, Map<String, String> spotNodeSelector, List<Toleration> spotTolerations, int backoffLimit,
        String dataLoaderImage, @Nullable String s3CredentialsSecret, TimeSource timeSource) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /**
     * Checks every field.
     *
     * @throws ValidationException listing every invalid field
     */
    public KubernetesConfig {
        imagePullSecrets = List.copyOf(imagePullSecrets);
        instanceTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instanceTypes));
        jobResources = Map.copyOf(jobResources);
        spotNodeSelector = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spotNodeSelector));
        spotTolerations = List.copyOf(spotTolerations);
        Violations v = Violations.of("KubernetesConfig");
        if (v.required("namespace", namespace) && v.length("namespace", namespace, 1, 63)) {
            v.matches("namespace", namespace, DNS_LABEL, "must be a DNS label (lowercase letters, digits, '-')");
        }
        v.required("api", api);
        v.required("trainerRuntime", trainerRuntime);
        v.required("instanceTypeLabel", instanceTypeLabel);
        v.range("backoffLimit", backoffLimit, 0, 1000);
        v.required("dataLoaderImage", dataLoaderImage);
        v.required("timeSource", timeSource);
        v.throwIfAny();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "KubernetesConfig[namespace=" + namespace + ", api=" + api + ", serviceAccount=" + serviceAccount + "]";
    }

    /** Builds a {@link KubernetesConfig}. */
    public static final class Builder {
        private String namespace = "default";
        private @Nullable KubernetesClient client;
        private @Nullable String serviceAccount;
        private final List<String> imagePullSecrets = new ArrayList<>();
        private KubeflowApi api = KubeflowApi.TRAINING_OPERATOR_V1;
        private String trainerRuntime = "torch-distributed";
        private final Map<String, InstanceResources> instanceTypes = InstanceCatalog.defaults();
        private final Map<String, InstanceResources> jobResources = new LinkedHashMap<>();
        private String instanceTypeLabel = "node.kubernetes.io/instance-type";
        private final Map<String, String> spotNodeSelector = new LinkedHashMap<>(Map.of("karpenter.sh/capacity-type", "spot"));
        private final List<Toleration> spotTolerations = new ArrayList<>(List.of(
                Toleration.exists("karpenter.sh/capacity-type"), Toleration.exists("eks.amazonaws.com/capacityType")));
        private int backoffLimit = 10;
        private String dataLoaderImage = "public.ecr.aws/aws-cli/aws-cli:2.17.0";
        private @Nullable String s3CredentialsSecret;
        private TimeSource timeSource = TimeSource.system();

        private Builder() {
        }

        /** The namespace (default {@code default}). */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace == null");
            return this;
        }

        /** A client to use instead of an auto-configured one; the provider does not close it. */
        public Builder client(@Nullable KubernetesClient client) {
            this.client = client;
            return this;
        }

        /** The pods' service account. */
        public Builder serviceAccount(@Nullable String serviceAccount) {
            this.serviceAccount = serviceAccount;
            return this;
        }

        /** Adds an image pull secret. */
        public Builder imagePullSecret(String name) {
            imagePullSecrets.add(Objects.requireNonNull(name, "name == null"));
            return this;
        }

        /** Which training API to emit (default Training Operator v1). */
        public Builder api(KubeflowApi api) {
            this.api = Objects.requireNonNull(api, "api == null");
            return this;
        }

        /** The runtime a Trainer v2 TrainJob refers to (default {@code torch-distributed}). */
        public Builder trainerRuntime(String runtime) {
            this.trainerRuntime = Objects.requireNonNull(runtime, "runtime == null");
            return this;
        }

        /** Adds or replaces what an instance type means on this cluster. */
        public Builder instanceType(String mlInstanceType, InstanceResources resources) {
            instanceTypes.put(Objects.requireNonNull(mlInstanceType, "mlInstanceType == null"),
                    Objects.requireNonNull(resources, "resources == null"));
            return this;
        }

        /** Gives job {@code jobName} exactly these resources and node type, whatever its instance type says. */
        public Builder jobResources(String jobName, InstanceResources resources) {
            jobResources.put(Objects.requireNonNull(jobName, "jobName == null"),
                    Objects.requireNonNull(resources, "resources == null"));
            return this;
        }

        /** The node label that carries the node type (default {@code node.kubernetes.io/instance-type}). */
        public Builder instanceTypeLabel(String label) {
            this.instanceTypeLabel = Objects.requireNonNull(label, "label == null");
            return this;
        }

        /** Replaces the node labels that select spot capacity (default Karpenter's {@code capacity-type: spot}). */
        public Builder spotNodeSelector(Map<String, String> labels) {
            spotNodeSelector.clear();
            spotNodeSelector.putAll(labels);
            return this;
        }

        /** Replaces the spot tolerations (default: Karpenter's and EKS's capacity-type taints). */
        public Builder spotTolerations(List<Toleration> tolerations) {
            spotTolerations.clear();
            spotTolerations.addAll(tolerations);
            return this;
        }

        /** Restarts before a job fails (default 10). */
        public Builder backoffLimit(int backoffLimit) {
            this.backoffLimit = backoffLimit;
            return this;
        }

        /** The data-loader image (default the AWS CLI image). */
        public Builder dataLoaderImage(String image) {
            this.dataLoaderImage = Objects.requireNonNull(image, "image == null");
            return this;
        }

        /** The secret holding S3 credentials for the data loader. */
        public Builder s3CredentialsSecret(@Nullable String secret) {
            this.s3CredentialsSecret = secret;
            return this;
        }

        /** The clock and sleeper of waits. */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws ValidationException listing every invalid field
         */
        public KubernetesConfig build() {
            return new KubernetesConfig(namespace, client, serviceAccount, imagePullSecrets, api, trainerRuntime,
                    instanceTypes, jobResources, instanceTypeLabel, spotNodeSelector, spotTolerations, backoffLimit, dataLoaderImage,
                    s3CredentialsSecret, timeSource);
        }
    }
}
