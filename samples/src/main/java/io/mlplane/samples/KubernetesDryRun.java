package io.mlplane.samples;

import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.training.TrainingJobSpec;
import java.io.PrintStream;

/**
 * Prints the Kubernetes manifests for the same spot training job that {@link SageMakerDryRun} plans for
 * SageMaker, as YAML for {@code kubectl apply} or GitOps. Needs no cluster and contacts none.
 *
 * <p>That job streams its {@code train} channel in Pipe mode, which Kubernetes does not have; mlplane refuses it
 * there rather than silently reading files instead, so this sample shows the refusal and then plans the job
 * with File input, explicitly.
 */
public final class KubernetesDryRun {

    private KubernetesDryRun() {
    }

    public static void main(String[] args) {
        System.out.print(plan(System.out).toYaml());
    }

    /** The plan; notes about the Pipe channel go to {@code notes} as YAML comments. */
    public static Plan plan(PrintStream notes) {
        try (MlProvider kubernetes = MlProviders.kubernetes(KubernetesConfig.builder()
                .namespace("ml-team").serviceAccount("training-irsa").build())) {
            TrainingJobSpec spec = MockQuickstart.spec();
            if (!kubernetes.capabilities().supports(Capability.PIPE_MODE)) {
                try {
                    kubernetes.plan(spec);
                } catch (io.mlplane.core.UnsupportedFeatureException e) {
                    notes.println("# " + e.getMessage());
                    notes.println("# Planned below with File input for every channel.");
                }
                spec = MockQuickstart.withFileInput(spec);
            }
            return kubernetes.plan(spec);
        }
    }
}
