package io.mlplane.training.mock;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTrainingContractTest;
import io.mlplane.training.contract.TrainingFixture;
import java.time.Duration;
import java.util.Map;

/** The training contract on the mock backend. */
class MockTrainingContractTest extends AbstractTrainingContractTest {

    @Override
    protected TrainingFixture createFixture() {
        return new MockTrainingFixture(MockProvider.create(42));
    }

    /** Scripts outcomes through the mock's public scripting API. */
    static final class MockTrainingFixture implements TrainingFixture {
        private final MockProvider mock;

        MockTrainingFixture(MockProvider mock) {
            this.mock = mock;
        }

        @Override
        public MlProvider provider() {
            return mock;
        }

        @Override
        public TrainingJobSpec.Builder spec(String name) {
            return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7")
                    .instanceType("ml.m5.xlarge").outputUri("s3://mlplane-contract/output/")
                    .maxRuntime(Duration.ofHours(3));
        }

        @Override
        public void completes(String name, Duration runtime, Map<String, Double> metrics) {
            var script = mock.onJob(name).completesAfter(runtime);
            metrics.forEach(script::withMetric);
        }

        @Override
        public void fails(String name, Duration runtime, String reason) {
            mock.onJob(name).failsAfter(runtime, reason);
        }

        @Override
        public void interruptedBySpot(String name, int times, Duration runtime) {
            mock.onJob(name).interruptedBySpot(times).completesAfter(runtime).billableSeconds(runtime.toSeconds() / 4);
        }

        @Override
        public void runsForever(String name) {
            mock.onJob(name).staysInProgress();
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
            mock.close();
        }
    }
}
