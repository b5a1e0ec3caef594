package io.mlplane.samples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keeps the throughput harness runnable with a small load; it asserts what the run reports, not its speed. */
class SageMakerThroughputBenchmarkTest {

    @Test
    void harnessReportsTheRatioToTheLimitAndNoSurfacedThrottling() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        SageMakerThroughputBenchmark.Figures figures = SageMakerThroughputBenchmark.run(100, 60, 4,
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(figures.surfacedErrors()).as("retries absorb every throttle").isZero();
        assertThat(figures.achievedPerSecond()).isPositive();
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .containsPattern("client limiter at the limit: +[0-9.]+ jobs/s = [0-9.]+ of the limit")
                .contains("baseline, client limiter off:");
    }
}
