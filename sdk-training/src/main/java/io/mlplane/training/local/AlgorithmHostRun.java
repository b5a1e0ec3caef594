package io.mlplane.training.local;

import io.mlplane.training.spi.TrainingAlgorithm;
import io.mlplane.training.spi.TrainingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A host running a {@link TrainingAlgorithm} on its own thread. */
final class AlgorithmHostRun implements HostRun {

    /** What the algorithm can do with its job: report metrics and log lines. */
    interface Reporter {
        void metric(String name, double value);

        void log(String line);
    }

    private final Thread thread;
    private volatile boolean stopRequested;
    private volatile @Nullable String failure;

    AlgorithmHostRun(TrainingAlgorithm algorithm, ContainerLayout layout, Map<String, Path> channels, int restarts,
            Reporter reporter) {
        TrainingContext context = new TrainingContext() {
            @Override
            public String jobName() {
                return layout.spec.name();
            }

            @Override
            public String currentHost() {
                return layout.host;
            }

            @Override
            public List<String> hosts() {
                return List.copyOf(layout.hosts);
            }

            @Override
            public Map<String, String> hyperparameters() {
                return layout.spec.hyperparameters();
            }

            @Override
            public Map<String, Path> channels() {
                return channels;
            }

            @Override
            public Path modelDir() {
                return layout.modelDir();
            }

            @Override
            public Path outputDataDir() {
                return layout.outputDataDir();
            }

            @Override
            public Path checkpointDir() {
                return layout.checkpointDir();
            }

            @Override
            public int restarts() {
                return restarts;
            }

            @Override
            public void metric(String name, double value) {
                reporter.metric(name, value);
            }

            @Override
            public void log(String line) {
                reporter.log(line);
            }

            @Override
            public boolean stopRequested() {
                return stopRequested || Thread.currentThread().isInterrupted();
            }
        };
        Consumer<Throwable> fail = t -> failure = "AlgorithmError: " + (t.getMessage() == null ? t.toString() : t.getMessage());
        this.thread = new Thread(() -> {
            try {
                algorithm.train(context);
            } catch (InterruptedException e) {
                if (!stopRequested) {
                    fail.accept(e);
                }
            } catch (Throwable t) {
                fail.accept(t);
            }
        }, "mlplane-local-" + layout.spec.name() + "-" + layout.host);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean done() {
        return !thread.isAlive();
    }

    @Override
    public @Nullable String failure() {
        return failure;
    }

    @Override
    public void terminate(Duration grace) {
        stopRequested = true;
        try {
            thread.join(Math.max(1, grace.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
