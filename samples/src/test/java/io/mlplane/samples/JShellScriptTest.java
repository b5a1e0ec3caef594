package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs samples/jshell/mlplane.jsh in a real, non-interactive JShell with the SDK on the class path. */
class JShellScriptTest {

    @Test
    void theStartupScriptGivesAWorkingMockProvider() throws IOException, InterruptedException {
        Path script = Path.of("jshell", "mlplane.jsh").toAbsolutePath();
        assertThat(script).exists();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path input = Files.createTempFile("mlplane-jshell", ".in");
        Files.writeString(input, String.join("\n",
                "var result = ml.submit(demoSpec(\"jshell-job\").build()).awaitCompletion(Duration.ofHours(3));",
                "System.out.println(\"RESULT \" + result.status() + \" \" + result.statusHistory().size());",
                "/exit", ""));

        Process process = new ProcessBuilder(List.of(jshell.toString(), "--class-path", classPath,
                "--startup", "DEFAULT", "--startup", script.toString(), "--feedback", "silent"))
                .redirectErrorStream(true).redirectInput(input.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("jshell finished; output:%n%s", output).isTrue();
        assertThat(output).contains("mlplane ready: `ml` is a mock provider (backend mock).")
                .contains("RESULT COMPLETED 5")
                .doesNotContain("Error:");
        assertThat(classPath.split(File.pathSeparator)).anyMatch(p -> p.contains("sdk-training"));
        Files.deleteIfExists(input);
    }
}
