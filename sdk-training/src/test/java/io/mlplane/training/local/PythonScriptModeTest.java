package io.mlplane.training.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.Channel;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Python script written for SageMaker script mode runs unchanged on the local backend. */
class PythonScriptModeTest {

    @TempDir
    Path root;

    private static boolean python3Available() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void scriptModeProgramRunsUnchanged() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed on this machine, so the script cannot run");
        Path script = root.resolve("train.py");
        try (InputStream in = getClass().getResourceAsStream("/scripts/train.py")) {
            Files.copy(in, script);
        }
        Path train = Files.createDirectories(root.resolve("data/train"));
        Files.writeString(train.resolve("part-0.csv"), "1,2\n2,4\n");
        Files.writeString(train.resolve("part-1.csv"), "3,6\n4,8\n");
        TrainingJobSpec spec = TrainingJobSpec.builder().name("python-script-mode").instanceType("ml.m5.large")
                .entryPoint("python3", script.toString())
                .hyperparameter("epochs", 40).hyperparameter("learning-rate", 0.02)
                .channel(Channel.builder().name("train").uri(train.toUri().toString()).build())
                .metricDefinition("train:loss", "train_loss=([0-9\\.]+)")
                .outputUri("file://" + root.resolve("out") + "/").build();

        try (MlProvider ml = MlProviders.local(LocalConfig.builder().workDirectory(root.resolve("work")).build())) {
            TrainingResult result = ml.submit(spec).awaitCompletion(Duration.ofSeconds(60));

            assertThat(result.status()).as("failure: %s", result.failureReason()).isEqualTo(TrainingJobStatus.COMPLETED);
            Path opt = root.resolve("work/jobs/python-script-mode/algo-1");
            JsonNode model = new ObjectMapper().readTree(opt.resolve("model/model.json").toFile());
            assertThat(model.path("w").asDouble()).isBetween(1.9, 2.1);
            assertThat(model.path("rows").asInt()).isEqualTo(4);
            assertThat(model.path("hosts").toString()).isEqualTo("[\"algo-1\"]");
            assertThat(opt.resolve("output/data/summary.txt")).hasContent("trained on 4 rows");
            assertThat(result.finalMetrics().get("train:loss")).isLessThan(0.01);
            assertThat(result.modelArtifactUri()).endsWith("/python-script-mode/output/model.tar.gz");
        }
    }
}
