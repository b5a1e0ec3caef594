package io.mlplane.training.local;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.TrainingFixture;
import io.mlplane.training.spi.TrainingAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local backend for the contract suite: scripted outcomes are real in-process algorithms whose runtime is
 * scaled down 36,000 times (two hours take 200 ms), in a temporary work directory.
 */
final class LocalTrainingFixture implements TrainingFixture {

    static final long SCALE = 36_000;

    final Path root;
    private final Map<String, TrainingAlgorithm> algorithms = new ConcurrentHashMap<>();
    private final Map<String, List<Duration>> interruptions = new ConcurrentHashMap<>();
    private final MlProvider provider;

    LocalTrainingFixture() {
        try {
            root = Files.createTempDirectory("mlplane-local-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        provider = MlProviders.local(LocalConfig.builder().workDirectory(root.resolve("work")).maxConcurrentJobs(32)
                .stopGracePeriod(Duration.ofSeconds(2)).spotInterruptionDowntime(Duration.ofMillis(20))
                .spotInterruptions(job -> interruptions.getOrDefault(job, List.of())).build());
    }

    static Duration scaled(Duration runtime) {
        return Duration.ofNanos(Math.max(1_000_000, runtime.toNanos() / SCALE));
    }

    @Override
    public MlProvider provider() {
        return provider;
    }

    @Override
    public TrainingJobSpec.Builder spec(String name) {
        return TrainingJobSpec.builder().name(name).instanceType("ml.m5.xlarge")
                .algorithm(algorithms.computeIfAbsent(name, n -> Algorithms.completes(scaled(Duration.ofMinutes(30)), Map.of())))
                .outputUri(root.resolve("output").toUri().toString()).maxRuntime(Duration.ofHours(3));
    }

    @Override
    public void completes(String name, Duration runtime, Map<String, Double> metrics) {
        algorithms.put(name, Algorithms.completes(scaled(runtime), metrics));
    }

    @Override
    public void fails(String name, Duration runtime, String reason) {
        algorithms.put(name, Algorithms.fails(scaled(runtime), reason));
    }

    @Override
    public void interruptedBySpot(String name, int times, Duration runtime) {
        Duration total = scaled(runtime).multipliedBy(5);
        algorithms.put(name, Algorithms.checkpointedSteps(20, total.dividedBy(20)));
        List<Duration> at = new java.util.ArrayList<>();
        for (int i = 1; i <= times; i++) {
            at.add(total.multipliedBy(i).dividedBy(times + 1));
        }
        interruptions.put(name, List.copyOf(at));
    }

    @Override
    public void runsForever(String name) {
        algorithms.put(name, Algorithms.untilStopped());
    }

    @Override
    public String dataUri(String channel) {
        try {
            Path dir = Files.createDirectories(root.resolve("data").resolve(channel));
            Files.writeString(dir.resolve("part-0.csv"), "1,2,3\n");
            return dir.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Duration shortTimeout() {
        return Duration.ofMillis(500);
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
}
