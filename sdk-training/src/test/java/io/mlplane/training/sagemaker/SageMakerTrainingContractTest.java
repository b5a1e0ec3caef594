package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.ScriptedTrainingFixture;
import io.mlplane.training.contract.TrainingFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * The training contract on the {@code sagemaker} backend, against {@link FakeSageMaker} on loopback. The fake
 * checks every request against the service model; closing the fixture fails the test if any broke it.
 */
class SageMakerTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        return new SageMakerFixture();
    }

    static final class SageMakerFixture extends ScriptedTrainingFixture {
        final VirtualClock clock = VirtualClock.create();
        final FakeSageMaker fake;
        final MlProvider provider;

        SageMakerFixture() {
            try {
                fake = new FakeSageMaker(clock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            provider = SageMakerTestSupport.provider(fake, clock);
        }

        @Override
        public MlProvider provider() {
            return provider;
        }

        @Override
        protected void script(String name, UnaryOperator<JobScript> how) {
            fake.script(name, how.apply(new JobScript()).toBehavior());
        }

        @Override
        public void close() {
            provider.close();
            fake.close();
            assertThat(fake.violations()).as("requests that break the SageMaker service model").isEmpty();
        }
    }
}
