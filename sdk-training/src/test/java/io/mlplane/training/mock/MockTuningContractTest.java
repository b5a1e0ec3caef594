package io.mlplane.training.mock;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.MockProvider;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTuningContractTest;
import io.mlplane.training.contract.TuningFixture;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The tuning contract on the mock backend, scripted through {@code JobScript.evaluates}. */
class MockTuningContractTest extends AbstractTuningContractTest {

    @Override
    protected TuningFixture createFixture() {
        MockProvider mock = MockProvider.create(3);
        return new TuningFixture() {
            @Override
            public MlProvider provider() {
                return mock;
            }

            @Override
            public TrainingJobSpec.Builder template(String tuningJob, String name) {
                return TrainingJobSpec.builder().name(name).image("registry.example/xgb:1.7").instanceType("ml.m5.xlarge")
                        .outputUri("s3://bucket/out/").hyperparameter("num_round", 100)
                        .metricDefinition("validation:auc", "validation-auc:([0-9.]+)");
            }

            @Override
            public void objective(String name, Duration runtime, ToDoubleFunction<Map<String, String>> objective) {
                mock.onJob(name).completesAfter(runtime).evaluates(objective);
            }

            @Override
            public void runsForever(String name) {
                mock.onJob(name).staysInProgress();
            }

            @Override
            public void close() {
                mock.close();
            }
        };
    }
}
