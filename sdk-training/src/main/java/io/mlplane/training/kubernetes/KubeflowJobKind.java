package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlplane.training.TrainingJobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Training Operator v1 job kinds mlplane emits. A spec names its framework with the tag
 * {@value #FRAMEWORK_TAG} ({@code pytorch}, the default, {@code xgboost} or {@code tensorflow}); the kind decides the
 * replica roles, the container name the operator requires and the pods' names, which serve as hosts.
 */
enum KubeflowJobKind {
    PYTORCH("pytorch", "PyTorchJob", "pytorchjobs", "pytorchReplicaSpecs", "pytorch", "Master"),
    XGBOOST("xgboost", "XGBoostJob", "xgboostjobs", "xgbReplicaSpecs", "xgboost", "Master"),
    TENSORFLOW("tensorflow", "TFJob", "tfjobs", "tfReplicaSpecs", "tensorflow", "Chief");

    /** The spec tag that names the framework. */
    static final String FRAMEWORK_TAG = "mlplane.io/framework";

    final String framework;
    final String kind;
    final String plural;
    final String replicaSpecs;
    final String container;
    final String leadRole;

    KubeflowJobKind(String framework, String kind, String plural, String replicaSpecs, String container, String leadRole) {
        this.framework = framework;
        this.kind = kind;
        this.plural = plural;
        this.replicaSpecs = replicaSpecs;
        this.container = container;
        this.leadRole = leadRole;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup("kubeflow.org").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** The framework the spec names, or PyTorch; {@code null} if it names one mlplane does not know. */
    static @Nullable KubeflowJobKind of(TrainingJobSpec spec) {
        String framework = spec.tags().getOrDefault(FRAMEWORK_TAG, "pytorch").toLowerCase(Locale.ROOT);
        for (KubeflowJobKind kind : values()) {
            if (kind.framework.equals(framework)) {
                return kind;
            }
        }
        return null;
    }

    /** The kind of a stored job, by its {@code kind} field. */
    static KubeflowJobKind ofKind(String kind) {
        for (KubeflowJobKind candidate : values()) {
            if (candidate.kind.equals(kind)) {
                return candidate;
            }
        }
        return PYTORCH;
    }

    /** The lead pod (the first host, whose log and model count). */
    String leadPod(String job) {
        return job + "-" + leadRole.toLowerCase(Locale.ROOT) + "-0";
    }

    /** The pods' names: the lead, then the workers. */
    List<String> hosts(String job, int count) {
        List<String> hosts = new ArrayList<>();
        hosts.add(leadPod(job));
        for (int i = 0; i < count - 1; i++) {
            hosts.add(job + "-worker-" + i);
        }
        return hosts;
    }
}
