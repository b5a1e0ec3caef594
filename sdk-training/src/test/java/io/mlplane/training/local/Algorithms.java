package io.mlplane.training.local;

import io.mlplane.training.spi.TrainingAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Small in-process training programs for tests. */
final class Algorithms {

    private Algorithms() {
    }

    /** Works for {@code runtime}, reports {@code metrics}, writes a model file. */
    static TrainingAlgorithm completes(Duration runtime, Map<String, Double> metrics) {
        return ctx -> {
            Thread.sleep(runtime.toMillis(), runtime.toNanosPart() % 1_000_000);
            metrics.forEach(ctx::metric);
            Files.writeString(ctx.modelDir().resolve("model.txt"), "weights for " + ctx.jobName());
        };
    }

    /** Works for {@code runtime}, then fails with {@code reason}. */
    static TrainingAlgorithm fails(Duration runtime, String reason) {
        return ctx -> {
            Thread.sleep(runtime.toMillis());
            throw new IllegalStateException(reason);
        };
    }

    /** Runs until asked to stop. */
    static TrainingAlgorithm untilStopped() {
        return ctx -> {
            while (!ctx.stopRequested()) {
                Thread.sleep(5);
            }
        };
    }

    /**
     * Does {@code steps} steps of {@code step} each, checkpointing the step counter after every step and resuming
     * from the checkpoint after an interruption; logs {@code step=N restarts=R} and writes the steps it ran.
     */
    static TrainingAlgorithm checkpointedSteps(int steps, Duration step) {
        return ctx -> {
            Path checkpoint = ctx.checkpointDir().resolve("step");
            int done = Files.exists(checkpoint) ? Integer.parseInt(Files.readString(checkpoint).strip()) : 0;
            ctx.log("resuming at step " + done + " after " + ctx.restarts() + " restarts");
            while (done < steps) {
                if (ctx.stopRequested()) {
                    return;
                }
                Thread.sleep(Math.max(1, step.toMillis()));
                done++;
                Files.writeString(checkpoint, Integer.toString(done));
                ctx.log("step=" + done + " restarts=" + ctx.restarts());
            }
            Files.writeString(ctx.modelDir().resolve("steps.txt"), Integer.toString(done));
        };
    }
}
