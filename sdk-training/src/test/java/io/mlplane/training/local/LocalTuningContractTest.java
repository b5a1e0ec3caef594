package io.mlplane.training.local;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTuningContractTest;
import io.mlplane.training.contract.TuningFixture;
import io.mlplane.training.spi.TrainingAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The tuning contract on the local backend: trials are real local training jobs running an in-process algorithm
 * that reports four intermediate values of the objective and then its final value, in a scaled-down runtime.
 */
class LocalTuningContractTest extends AbstractTuningContractTest {

    @Override
    protected TuningFixture createFixture() {
        Path root;
        try {
            root = Files.createTempDirectory("mlplane-local-tuning");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MlProvider provider = MlProviders.local(LocalConfig.builder().workDirectory(root.resolve("work"))
                .maxConcurrentJobs(8).stopGracePeriod(Duration.ofSeconds(2)).build());
        Map<String, ToDoubleFunction<Map<String, String>>> objectives = new ConcurrentHashMap<>();
        Map<String, Duration> runtimes = new ConcurrentHashMap<>();
        Set<String> forever = ConcurrentHashMap.newKeySet();
        Map<String, TrainingAlgorithm> algorithms = new ConcurrentHashMap<>();
        return new TuningFixture() {
            @Override
            public MlProvider provider() {
                return provider;
            }

            @Override
            public TrainingJobSpec.Builder template(String tuningJob, String name) {
                TrainingAlgorithm algorithm = algorithms.computeIfAbsent(name, n -> ctx -> {
                    if (forever.contains(tuningJob)) {
                        while (!ctx.stopRequested()) {
                            Thread.sleep(5);
                        }
                        return;
                    }
                    double value = objectives.get(tuningJob).applyAsDouble(ctx.hyperparameters());
                    long step = Math.max(1, runtimes.get(tuningJob).toMillis() / LocalTrainingFixture.SCALE / 4);
                    for (int i = 1; i <= 4 && !ctx.stopRequested(); i++) {
                        Thread.sleep(step);
                        ctx.metric("validation:auc", i == 4 ? value : value * i / 4);
                    }
                });
                return TrainingJobSpec.builder().name(name).instanceType("ml.m5.xlarge").algorithm(algorithm)
                        .outputUri("file://" + root.resolve("out") + "/").hyperparameter("num_round", 100)
                        .metricDefinition("validation:auc", "validation-auc:([0-9.]+)");
            }

            @Override
            public void objective(String name, Duration runtime, ToDoubleFunction<Map<String, String>> objective) {
                objectives.put(name, objective);
                runtimes.put(name, runtime);
            }

            @Override
            public void runsForever(String name) {
                forever.add(name);
            }

            @Override
            public Duration shortTimeout() {
                return Duration.ofMillis(300);
            }

            @Override
            public Duration longTimeout() {
                return Duration.ofSeconds(60);
            }

            @Override
            public void close() {
                provider.close();
                try {
                    ContainerLayout.deleteRecursively(root);
                } catch (IOException e) {
                    // best effort on a temporary directory
                }
            }
        };
    }
}
