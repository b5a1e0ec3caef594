package io.mlplane.samples;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.sagemaker.SageMakerConfig;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.TuningJobSpec;

/**
 * Plans one hyperparameter tuning job for both platforms: the CreateHyperParameterTuningJob request SageMaker
 * would receive and the Katib Experiment Kubernetes would, both as YAML. The template is the dry-run samples'
 * spot job (with File input, which both platforms offer); its metric definition is SageMaker XGBoost's
 * {@code validation-auc:([0-9.]+)}, which Katib collects under the printed label {@code validation-auc}. Needs no
 * credentials or cluster and contacts neither.
 */
public final class TuningDryRun {

    private TuningDryRun() {
    }

    public static void main(String[] args) {
        TuningJobSpec spec = spec();
        System.out.println("# sagemaker");
        System.out.print(sageMaker(spec).toYaml());
        System.out.println("# kubernetes");
        System.out.print(kubernetes(spec).toYaml());
    }

    /** Eta on a log scale and the tree depth, 20 trials, 4 at a time, with early stopping. */
    public static TuningJobSpec spec() {
        return TuningJobSpec.builder()
                .name("churn-xgb-hpo")
                .trainingTemplate(MockQuickstart.withFileInput(MockQuickstart.spec()))
                .objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.01, 0.3, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 3, 10))
                .maxTrials(20)
                .maxParallelTrials(4)
                .earlyStopping(true)
                .randomSeed(42L)
                .build();
    }

    /** The SageMaker plan, from a provider that never makes a call. */
    public static Plan sageMaker(TuningJobSpec spec) {
        try (MlProvider sageMaker = MlProviders.sageMaker(SageMakerConfig.builder().region("us-east-1")
                .roleArn("arn:aws:iam::123456789012:role/acme-sagemaker-training").build())) {
            return sageMaker.plan(spec);
        }
    }

    /** The Kubernetes plan, from a provider that never contacts a cluster. */
    public static Plan kubernetes(TuningJobSpec spec) {
        try (MlProvider kubernetes = MlProviders.kubernetes(KubernetesConfig.builder().namespace("ml-team")
                .serviceAccount("training-irsa").build())) {
            return kubernetes.plan(spec);
        }
    }
}
