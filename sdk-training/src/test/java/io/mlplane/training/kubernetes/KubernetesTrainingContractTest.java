package io.mlplane.training.kubernetes;

import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.TrainingFixture;

/** The training contract on the Kubernetes backend (Training Operator v1), against the mock API server. */
class KubernetesTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        return new KubernetesTrainingFixture();
    }
}
