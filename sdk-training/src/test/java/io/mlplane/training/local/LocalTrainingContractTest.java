package io.mlplane.training.local;

import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.TrainingFixture;

/** The training contract on the local backend, with real (in-process) training programs. */
class LocalTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        return new LocalTrainingFixture();
    }
}
