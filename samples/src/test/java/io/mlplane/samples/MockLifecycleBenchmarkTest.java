package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.samples.bench.MockLifecycleBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness runnable; it asserts what it prints, never how fast anything is. */
class MockLifecycleBenchmarkTest {

    @Test
    void harnessRunsAndReportsRatiosAgainstItsBaselines() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        double micros = MockLifecycleBenchmark.run(200, 300, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(micros).isPositive();
        assertThat(printed).containsPattern("single job, 2 h simulated: [0-9.]+ us per submit\\+await \\(baseline spec build [0-9.]+ us, ratio [0-9.]+x\\)")
                .containsPattern("300 jobs awaited together: .* batch polls = \\d+ status calls")
                .containsPattern("awaitAll vs one by one: [0-9.]+x the time, [0-9.]+x the status calls");
    }
}
