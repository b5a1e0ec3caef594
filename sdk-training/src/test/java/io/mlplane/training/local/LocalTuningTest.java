package io.mlplane.training.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.ConflictException;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJob;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.TuningResult;
import io.mlplane.training.spi.TrainingAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local tuning specifics: early stopping (Hyperband's rungs, the median rule) and tuning job records. */
class LocalTuningTest {

    @TempDir
    Path root;
    private MlProvider ml;

    @BeforeEach
    void start() {
        ml = MlProviders.local(LocalConfig.builder().workDirectory(root.resolve("work")).maxConcurrentJobs(4)
                .stopGracePeriod(Duration.ofSeconds(1)).build());
    }

    @AfterEach
    void stop() {
        ml.close();
    }

    /** Reports x after each of 9 steps of 30 ms: trials with a small x are bad from the first step on. */
    private static final TrainingAlgorithm CURVE = ctx -> {
        double x = Double.parseDouble(ctx.hyperparameters().get("x"));
        for (int step = 1; step <= 9 && !ctx.stopRequested(); step++) {
            Thread.sleep(30);
            ctx.metric("score", x * step / 9);
        }
    };

    private TuningJobSpec.Builder tuning(String name) {
        TrainingJobSpec template = TrainingJobSpec.builder().name(name + "-t").instanceType("ml.m5.large").algorithm(CURVE)
                .outputUri("file://" + root.resolve("out") + "/").metricDefinition("score", "score=([0-9.]+)").build();
        return TuningJobSpec.builder().name(name).trainingTemplate(template).objective(Objective.maximize("score"))
                .parameter(Parameter.continuous("x", 0, 1)).maxTrials(12).maxParallelTrials(4).randomSeed(3L);
    }

    @Test
    void hyperbandStopsTheTrialsThatFallBehindAtARung() {
        TuningResult result = ml.submit(tuning("hyperband").strategy(Strategy.HYPERBAND)
                        .hyperbandResources(io.mlplane.training.HyperbandResources.of(1, 20)).build())
                .awaitCompletion(Duration.ofSeconds(60));

        assertThat(result.trials()).hasSize(12);
        assertThat(result.trials()).filteredOn(t -> t.status() == TrainingJobStatus.STOPPED).isNotEmpty();
        double bestStopped = result.trials().stream().filter(t -> t.status() == TrainingJobStatus.STOPPED)
                .mapToDouble(t -> Double.parseDouble(t.hyperparameters().get("x"))).max().orElseThrow();
        Trial best = result.best().orElseThrow();
        assertThat(Double.parseDouble(best.hyperparameters().get("x"))).isGreaterThan(bestStopped);
    }

    @Test
    void medianStoppingStopsTrialsBelowTheMedianCurve() {
        TuningResult result = ml.submit(tuning("median").strategy(Strategy.RANDOM).earlyStopping(true).build())
                .awaitCompletion(Duration.ofSeconds(60));

        assertThat(result.trials()).hasSize(12);
        assertThat(result.trials()).filteredOn(t -> t.status() == TrainingJobStatus.STOPPED).isNotEmpty();
        assertThat(result.best()).isPresent();
    }

    @Test
    void tuningJobsOutliveTheProviderAndOrphansAreReportedHonestly() throws Exception {
        TuningJobSpec spec = tuning("durable").strategy(Strategy.RANDOM).maxTrials(3).maxParallelTrials(3).build();
        TuningResult first = ml.submit(spec).awaitCompletion(Duration.ofSeconds(60));
        ml.close();

        ml = MlProviders.local(LocalConfig.builder().workDirectory(root.resolve("work")).build());
        TuningJob again = ml.get(TuningJob.class, "durable").orElseThrow();
        assertThat(again.status()).isEqualTo(TuningJobStatus.COMPLETED);
        assertThat(again.trials()).isEqualTo(first.trials());
        assertThat(again.bestTrial()).isEqualTo(first.best());
        assertThat(ml.list(TuningJob.class)).extracting(TuningJob::name).contains("durable");
        assertThat(ml.submit(spec).trials()).as("an identical resubmit runs nothing new").isEqualTo(first.trials());
        assertThatThrownBy(() -> ml.submit(spec.toBuilder().maxTrials(4).build())).isInstanceOf(ConflictException.class);

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path record = root.resolve("work/tuning/orphan/tuning.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, """
                {"name":"orphan","specHash":"x","objective":{"metric":"score","maximize":true},"maxTrials":4,
                 "status":"IN_PROGRESS","creationTime":"2025-01-01T00:00:00Z","trials":[],"ownerPid":%d}
                """.formatted(gone.pid()));
        TuningJob orphan = ml.get(TuningJob.class, "orphan").orElseThrow();
        assertThat(orphan.status()).isEqualTo(TuningJobStatus.FAILED);
        assertThat(orphan.describe().failureReason()).contains("pid " + gone.pid()).contains("ended while it was in progress");
    }

    @Test
    void withoutEarlyStoppingEveryTrialRunsToTheEnd() {
        TuningResult result = ml.submit(tuning("plain").strategy(Strategy.RANDOM).build()).awaitCompletion(Duration.ofSeconds(60));

        assertThat(result.trials()).hasSize(12).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrainingJobStatus.COMPLETED));
    }
}
