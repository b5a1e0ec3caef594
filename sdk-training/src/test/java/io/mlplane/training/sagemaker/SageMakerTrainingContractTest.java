package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.TrainingFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The training contract on the {@code sagemaker} backend, against {@link FakeSageMaker} on loopback. The fake
 * checks every request against the service model; closing the fixture fails the test if any broke it.
 */
class SageMakerTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        return new SageMakerFixture();
    }

    static final class SageMakerFixture implements TrainingFixture {
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
        public TrainingJobSpec.Builder spec(String name) {
            return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7")
                    .instanceType("ml.m5.xlarge").outputUri("s3://mlplane-contract/output/")
                    .maxRuntime(Duration.ofHours(3));
        }

        @Override
        public void completes(String name, Duration runtime, Map<String, Double> metrics) {
            JobScript script = new JobScript().completesAfter(runtime);
            metrics.forEach(script::withMetric);
            fake.script(name, script.toBehavior());
        }

        @Override
        public void fails(String name, Duration runtime, String reason) {
            fake.script(name, new JobScript().failsAfter(runtime, reason).toBehavior());
        }

        @Override
        public void interruptedBySpot(String name, int times, Duration runtime) {
            fake.script(name, new JobScript().completesAfter(runtime).interruptedBySpot(times)
                    .billableSeconds(runtime.toSeconds() / 4).toBehavior());
        }

        @Override
        public void runsForever(String name) {
            fake.script(name, new JobScript().staysInProgress().toBehavior());
        }

        @Override
        public Duration shortTimeout() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration longTimeout() {
            return Duration.ofHours(12);
        }

        @Override
        public void close() {
            provider.close();
            fake.close();
            assertThat(fake.violations()).as("requests that break the SageMaker service model").isEmpty();
        }
    }
}
