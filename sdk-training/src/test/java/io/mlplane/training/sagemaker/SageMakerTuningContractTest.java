package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTuningContractTest;
import io.mlplane.training.contract.TuningFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The tuning contract on the sagemaker backend, against the loopback fake that checks every request. */
class SageMakerTuningContractTest extends AbstractTuningContractTest {

    @Override
    protected TuningFixture createFixture() {
        VirtualClock clock = VirtualClock.create();
        FakeSageMaker fake;
        try {
            fake = new FakeSageMaker(clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MlProvider provider = SageMakerTestSupport.provider(fake, clock);
        return new TuningFixture() {
            @Override
            public MlProvider provider() {
                return provider;
            }

            @Override
            public TrainingJobSpec.Builder template(String tuningJob, String name) {
                return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7")
                        .instanceType("ml.m5.xlarge").outputUri("s3://bucket/out/").hyperparameter("num_round", 100)
                        .metricDefinition("validation:auc", "validation-auc:([0-9.]+)");
            }

            @Override
            public void objective(String name, Duration runtime, ToDoubleFunction<Map<String, String>> objective) {
                fake.script(name, new JobScript().completesAfter(runtime).evaluates(objective).toBehavior());
            }

            @Override
            public void runsForever(String name) {
                fake.script(name, new JobScript().staysInProgress().toBehavior());
            }

            @Override
            public void close() {
                provider.close();
                fake.close();
                assertThat(fake.violations()).as("requests that break the SageMaker service model").isEmpty();
            }
        };
    }
}
