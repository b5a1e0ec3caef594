package io.mlplane.training.mock;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.ScriptedTrainingFixture;
import io.mlplane.training.contract.TrainingFixture;
import java.util.function.UnaryOperator;

/** The training contract on the mock backend, scripted through the mock's public API. */
class MockTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        MockProvider mock = MockProvider.create(42);
        return new ScriptedTrainingFixture() {
            @Override
            public MlProvider provider() {
                return mock;
            }

            @Override
            protected void script(String name, UnaryOperator<JobScript> how) {
                how.apply(mock.onJob(name));
            }

            @Override
            public void close() {
                mock.close();
            }
        };
    }
}
