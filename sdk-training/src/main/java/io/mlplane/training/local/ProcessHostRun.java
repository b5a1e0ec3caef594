package io.mlplane.training.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A host running the spec's entry point as a real process, its output read line by line. */
final class ProcessHostRun implements HostRun {

    private final Process process;
    private final Thread reader;
    private volatile @Nullable String lastLine;

    ProcessHostRun(List<String> command, Map<String, String> environment, Path workingDirectory,
            Consumer<String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        this.process = builder.start();
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lastLine = line;
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "mlplane-local-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The command: the entry point followed by the hyperparameters as script-mode arguments. */
    static List<String> command(List<String> entryPoint, List<String> arguments) {
        List<String> command = new ArrayList<>(entryPoint);
        command.addAll(arguments);
        return command;
    }

    @Override
    public boolean done() {
        if (process.isAlive()) {
            return false;
        }
        try {
            reader.join(2000); // let the last lines (and metrics) arrive first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public @Nullable String failure() {
        int code = process.exitValue();
        return code == 0 ? null : "AlgorithmError: the command exited with code " + code
                + (lastLine == null ? "" : "; last output: " + lastLine);
    }

    @Override
    public void terminate(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        done();
    }
}
