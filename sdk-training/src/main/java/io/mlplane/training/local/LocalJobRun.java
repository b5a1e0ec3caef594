package io.mlplane.training.local;

import io.mlplane.core.local.LocalConfig;
import io.mlplane.training.Channel;
import io.mlplane.training.InputMode;
import io.mlplane.training.LogEvent;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.internal.MetricExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one local job to its end: for each attempt, prepares every host's layout, starts the hosts and watches
 * them for completion, a stop request, the max runtime, the spot max wait and simulated spot interruptions
 * (SIGTERM, then a restart with the checkpoints kept). Every status change is recorded in the job's
 * {@link LocalJobState} and on disk.
 */
final class LocalJobRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJobRun.class);
    private static final Duration TICK = Duration.ofMillis(10);

    private enum Ending { DONE, STOP, MAX_RUNTIME, MAX_WAIT, INTERRUPT }

    private final TrainingJobSpec spec;
    private final LocalJobState state;
    private final JobStore store;
    private final LocalConfig config;
    private final Path jobDirectory;
    private final Path workingDirectory;
    private final MetricExtractor metrics;
    private volatile boolean stopRequested;
    private Duration running = Duration.ZERO;

    LocalJobRun(TrainingJobSpec spec, LocalJobState state, JobStore store, LocalConfig config, Path workingDirectory) {
        this.spec = spec;
        this.state = state;
        this.store = store;
        this.config = config;
        this.jobDirectory = store.jobDirectory(spec.name());
        this.workingDirectory = workingDirectory;
        this.metrics = new MetricExtractor(spec.metricDefinitions());
    }

    /** Marks the job {@code Stopping} at once, as SageMaker does; the runner ends it within the grace period. */
    void requestStop() {
        synchronized (state) {
            if (stopRequested || state.isTerminal()) {
                return;
            }
            stopRequested = true;
        }
        phase(SecondaryStatus.STOPPING, "Stopping the training job");
    }

    /** The job's input data cannot be used: the user's problem, as SageMaker's "ClientError" failures are. */
    private static final class InputDataException extends Exception {
        private static final long serialVersionUID = 1L;

        InputDataException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @Override
    public void run() {
        try {
            runAttempts();
        } catch (InputDataException e) {
            LOG.info("local training job '{}' cannot use its input: {}", spec.name(), e.getMessage());
            state.failureReason("ClientError: " + e.getMessage());
            finish(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed");
        } catch (Throwable t) {
            LOG.warn("local training job '{}' failed inside mlplane", spec.name(), t);
            state.failureReason("InternalError: " + t);
            finish(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed");
        }
    }

    private void runAttempts() throws IOException, InputDataException {
        List<Duration> interruptions = spec.spotEnabled() ? config.spotInterruptions().interruptionsFor(spec.name()) : List.of();
        Files.createDirectories(jobDirectory.resolve("logs"));
        for (int restarts = 0; ; restarts++) {
            if (restarts > 0) {
                phase(SecondaryStatus.STARTING, "Preparing the instances for training");
            }
            if (stopRequested) {
                stopWith(SecondaryStatus.STOPPED, "The training job was stopped");
                return;
            }
            phase(SecondaryStatus.DOWNLOADING, "Downloading input data");
            List<ContainerLayout> layouts = new ArrayList<>();
            List<PipeFeeder> feeders = new ArrayList<>();
            for (int i = 0; i < spec.instanceCount(); i++) {
                ContainerLayout layout = new ContainerLayout(spec, jobDirectory, i);
                layout.prepare();
                if (restarts == 0) {
                    restoreCheckpoints(layout);
                }
                try {
                    layout.materializeChannels();
                    for (Channel channel : spec.channels()) {
                        if (channel.effectiveInputMode(spec.inputMode()) == InputMode.PIPE) {
                            feeders.add(new PipeFeeder(layout.dataDir(), channel.name(), shard(layout, channel)));
                        }
                    }
                } catch (IOException e) {
                    feeders.forEach(PipeFeeder::close);
                    throw new InputDataException(e);
                }
                layouts.add(layout);
            }
            phase(SecondaryStatus.TRAINING, "Training image download completed. Training in progress.");
            Duration interruptAt = restarts < interruptions.size() ? interruptions.get(restarts) : null;
            List<HostRun> hosts = new ArrayList<>();
            for (ContainerLayout layout : layouts) {
                hosts.add(start(layout, restarts));
            }
            Ending ending = watch(hosts, interruptAt);
            if (ending != Ending.DONE) {
                if (ending == Ending.MAX_RUNTIME || ending == Ending.MAX_WAIT) {
                    phase(SecondaryStatus.STOPPING, "Stopping the training job");
                }
                hosts.forEach(h -> h.terminate(config.stopGracePeriod()));
            }
            feeders.forEach(PipeFeeder::close);
            saveCheckpoints(layouts.get(0));
            switch (ending) {
                case DONE -> {
                    complete(layouts, hosts);
                    return;
                }
                case INTERRUPT -> {
                    phase(SecondaryStatus.INTERRUPTED,
                            "Spot capacity was reclaimed (simulated); the job will resume from its last checkpoint");
                    if (!waitForCapacity()) {
                        stopWith(SecondaryStatus.MAX_WAIT_TIME_EXCEEDED, "Training job exceeded MaxWaitTimeInSeconds provided");
                        return;
                    }
                }
                case STOP -> {
                    stopWith(SecondaryStatus.STOPPED, "The training job was stopped");
                    return;
                }
                case MAX_RUNTIME -> {
                    stopWith(SecondaryStatus.MAX_RUNTIME_EXCEEDED, "Training job runtime exceeded MaxRuntimeInSeconds provided");
                    return;
                }
                case MAX_WAIT -> {
                    stopWith(SecondaryStatus.MAX_WAIT_TIME_EXCEEDED, "Training job exceeded MaxWaitTimeInSeconds provided");
                    return;
                }
            }
        }
    }

    /** Waits out the simulated downtime; false if the spot max wait ran out meanwhile. */
    private boolean waitForCapacity() {
        long until = System.nanoTime() + config.spotInterruptionDowntime().toNanos();
        Instant waitLimit = state.creationTime.plus(spec.spot().maxWait());
        try {
            while (!stopRequested && System.nanoTime() < until) {
                if (!Instant.now().isBefore(waitLimit)) {
                    return false;
                }
                Thread.sleep(TICK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
        return true;
    }

    private List<Path> shard(ContainerLayout layout, Channel channel) throws IOException {
        List<Path> files = layout.filesOf(channel);
        if (channel.distribution() != io.mlplane.training.DataDistribution.SHARDED_BY_S3_KEY) {
            return files;
        }
        List<Path> mine = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (i % layout.hosts.size() == layout.hostIndex) {
                mine.add(files.get(i));
            }
        }
        return mine;
    }

    private HostRun start(ContainerLayout layout, int restarts) throws IOException {
        String host = layout.host;
        if (spec.algorithm() != null) {
            Map<String, Path> channels = new LinkedHashMap<>();
            spec.channels().forEach(c -> channels.put(c.name(), layout.channelPath(c)));
            return new AlgorithmHostRun(spec.algorithm(), layout, Map.copyOf(channels), restarts,
                    new AlgorithmHostRun.Reporter() {
                        @Override
                        public void metric(String name, double value) {
                            state.metric(name, value, Instant.now());
                        }

                        @Override
                        public void log(String line) {
                            output(host, line);
                        }
                    });
        }
        return new ProcessHostRun(ProcessHostRun.command(spec.entryPoint(), layout.arguments()),
                layout.environment(workingDirectory), workingDirectory, line -> output(host, line));
    }

    private void output(String host, String line) {
        Instant now = Instant.now();
        String message = spec.instanceCount() > 1 ? "[" + host + "] " + line : line;
        state.log(new LogEvent(now, message));
        metrics.scan(line, (name, value) -> state.metric(name, value, now));
        try (Writer out = Files.newBufferedWriter(jobDirectory.resolve("logs").resolve(host + ".log"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(now + " " + line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Ending watch(List<HostRun> hosts, @Nullable Duration interruptAt) {
        Instant attemptStart = Instant.now();
        Duration before = running;
        Spot spot = spec.spot();
        try {
            while (true) {
                Instant now = Instant.now();
                running = before.plus(Duration.between(attemptStart, now));
                if (hosts.stream().allMatch(HostRun::done)) {
                    return Ending.DONE;
                }
                if (stopRequested) {
                    return Ending.STOP;
                }
                if (running.compareTo(spec.maxRuntime()) >= 0) {
                    return Ending.MAX_RUNTIME;
                }
                if (spot != null && Duration.between(state.creationTime, now).compareTo(spot.maxWait()) >= 0) {
                    return Ending.MAX_WAIT;
                }
                if (interruptAt != null && running.compareTo(interruptAt) >= 0) {
                    return Ending.INTERRUPT;
                }
                Thread.sleep(TICK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ending.STOP;
        }
    }

    private void complete(List<ContainerLayout> layouts, List<HostRun> hosts) throws IOException {
        for (int i = 0; i < hosts.size(); i++) {
            String reason = failureReason(layouts.get(i), hosts.get(i));
            if (reason != null) {
                state.failureReason(reason);
                finish(TrainingJobStatus.FAILED, SecondaryStatus.FAILED, "Training job failed");
                return;
            }
        }
        phase(SecondaryStatus.UPLOADING, "Uploading generated training model");
        Path artifact = outputRoot().resolve(spec.name()).resolve("output").resolve("model.tar.gz");
        TarGz.pack(layouts.get(0).modelDir(), artifact);
        state.modelArtifactUri(artifact.toUri().toString());
        finish(TrainingJobStatus.COMPLETED, SecondaryStatus.COMPLETED, "Training job completed");
    }

    /** SageMaker's rule: a {@code failure} file in the output directory is the failure reason. */
    private static @Nullable String failureReason(ContainerLayout layout, HostRun host) throws IOException {
        Path failureFile = layout.outputDir().resolve("failure");
        if (Files.isRegularFile(failureFile)) {
            String text = Files.readString(failureFile, StandardCharsets.UTF_8).strip();
            return text.length() > 1024 ? text.substring(0, 1024) : text.isEmpty() ? "AlgorithmError" : text;
        }
        return host.failure();
    }

    private Path outputRoot() {
        return Path.of(URI.create(spec.outputUri()));
    }

    private void restoreCheckpoints(ContainerLayout layout) throws IOException {
        if (spec.spot() != null) {
            ContainerLayout.copyTree(Path.of(URI.create(spec.spot().checkpointUri())), layout.checkpointDir());
        }
    }

    private void saveCheckpoints(ContainerLayout layout) throws IOException {
        if (spec.spot() != null) {
            ContainerLayout.copyTree(layout.checkpointDir(), Path.of(URI.create(spec.spot().checkpointUri())));
        }
    }

    private void stopWith(SecondaryStatus secondary, String message) {
        finish(TrainingJobStatus.STOPPED, secondary, message);
    }

    private void phase(SecondaryStatus secondary, String message) {
        if (stopRequested && secondary != SecondaryStatus.STOPPING && state.status() == TrainingJobStatus.STOPPING) {
            return; // once stopping, the history goes straight to the end
        }
        Instant now = Instant.now();
        state.phase(secondary, message, now);
        state.log(new LogEvent(now, "[mlplane] " + secondary.wireName() + " - " + message));
        store.save(state);
    }

    private void finish(TrainingJobStatus status, SecondaryStatus secondary, String message) {
        Instant end = Instant.now();
        long training = Math.max(1, (long) Math.ceil(Duration.between(state.creationTime, end).toMillis() / 1000.0));
        long billable = spec.spotEnabled()
                ? Math.max(1, (long) Math.ceil(running.toMillis() / 1000.0 * config.spotBilledShare()))
                : training;
        state.end(status, secondary, message, end, training, Math.min(billable, training));
        store.save(state);
        LOG.debug("local training job '{}' ended {}/{}", spec.name(), status.wireName(), secondary.wireName());
    }
}
