package io.mlplane.core;

import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.kubernetes.KubernetesProviders;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.core.local.LocalProviders;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.core.sagemaker.SageMakerConfig;
import io.mlplane.core.sagemaker.SageMakerProviders;

/**
 * Where providers come from: one static factory per backend.
 *
 * <pre>{@code
 * MlProvider ml = MlProviders.local();        // the embedded default: real processes on this machine
 * MockProvider ml = MlProviders.mock();      // in-memory, virtual clock, scriptable: for unit tests
 * MlProvider ml = MlProviders.sageMaker(SageMakerConfig.builder()
 *         .region("us-east-1").roleArn("arn:aws:iam::123456789012:role/ml").build());
 * }</pre>
 */
public final class MlProviders {

    private MlProviders() {
    }

    /**
     * A fresh in-memory backend on a virtual clock, for tests and demos. Jobs progress as virtual time
     * advances, which it does whenever something waits on them.
     */
    public static MockProvider mock() {
        return MockProvider.create();
    }

    /**
     * Amazon SageMaker, through the AWS SDK for Java v2. The AWS clients are built now and closed with the
     * provider; credentials are resolved at the first call, so {@link MlProvider#plan} works without any.
     * {@code unwrap(SageMakerClient.class)} hands out the native client.
     */
    public static MlProvider sageMaker(SageMakerConfig config) {
        return SageMakerProviders.create(config);
    }

    /**
     * The embedded default: runs jobs for real on this machine, without Docker or a cloud, honouring the
     * SageMaker training container contract; job records live in {@code ~/.mlplane/local}.
     */
    public static MlProvider local() {
        return local(LocalConfig.defaults());
    }

    /** The local backend with {@code config}. */
    public static MlProvider local(LocalConfig config) {
        return LocalProviders.create(config);
    }

    /**
     * Kubernetes with Kubeflow, through the fabric8 client: training jobs as Kubeflow training jobs. Nothing
     * contacts the cluster before the first call, so {@link MlProvider#plan} works without one;
     * {@code unwrap(KubernetesClient.class)} hands out the client.
     */
    public static MlProvider kubernetes(KubernetesConfig config) {
        return KubernetesProviders.create(config);
    }
}
