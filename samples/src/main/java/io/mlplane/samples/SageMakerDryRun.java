package io.mlplane.samples;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.sagemaker.SageMakerConfig;

/**
 * Prints what submitting the quickstart's spot training job (with a Pipe-mode channel) to Amazon SageMaker
 * would send: the CreateTrainingJob request in AWS JSON wire form. Needs no credentials and sends nothing.
 */
public final class SageMakerDryRun {

    private SageMakerDryRun() {
    }

    public static void main(String[] args) {
        System.out.println(plan().toJson());
    }

    /** The plan, from a provider that never makes a call. */
    public static Plan plan() {
        try (MlProvider sageMaker = MlProviders.sageMaker(SageMakerConfig.builder()
                .region("us-east-1")
                .roleArn("arn:aws:iam::123456789012:role/acme-sagemaker-training")
                .defaultTag("cost-center", "ml-platform")
                .build())) {
            return sageMaker.plan(MockQuickstart.spec());
        }
    }
}
