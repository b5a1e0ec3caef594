package io.mlplane.training.local;

import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.local.LocalContext;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.Channel;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricSample;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.internal.SpecHash;
import io.mlplane.training.internal.TrainingSpecMap;
import io.mlplane.training.spi.TrainingBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Training jobs run on this machine. A job's record and directory live in the work directory; jobs this
 * provider started are observed from memory, others from their records.
 */
final class LocalTrainingBackend implements TrainingBackend {

    private final LocalContext local;
    private final JobStore store;
    private final Path workingDirectory = Path.of("").toAbsolutePath();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(TrainingJobSpec spec, LocalJobState state, LocalJobRun run) {
    }

    LocalTrainingBackend(LocalContext local) {
        this.local = local;
        this.store = new JobStore(local.config().workDirectory());
        local.onClose(this::stopAll);
    }

    @Override
    public List<PlannedRequest> plan(TrainingJobSpec spec) {
        validate(spec);
        Map<String, Object> body = new LinkedHashMap<>(TrainingSpecMap.of(spec));
        body.put("jobDirectory", store.jobDirectory(spec.name()).toString());
        return List.of(new PlannedRequest("local", "RunTrainingJob", body));
    }

    private void validate(TrainingJobSpec spec) {
        if (spec.entryPoint().isEmpty() && spec.algorithm() == null) {
            throw new UnsupportedFeatureException("CONTAINER_IMAGE", "local", "the local backend runs no containers, so"
                    + " image '" + spec.image() + "' alone cannot run: add entryPoint(...) (a command on this machine, such"
                    + " as \"python3\", \"train.py\") or algorithm(...) (a Java TrainingAlgorithm)");
        }
        Violations v = Violations.of("TrainingJobSpec '" + spec.name() + "' on the local backend");
        for (int i = 0; i < spec.channels().size(); i++) {
            Channel channel = spec.channels().get(i);
            Violations c = v.at("channels[" + i + "]");
            c.check(SafePaths.plainName(channel.name()), "name", "must be a plain name, not '" + channel.name() + "'");
            if (fileUri(c, "uri", channel.uri())) {
                Path source = Path.of(URI.create(channel.uri()));
                c.check(Files.exists(source), "uri", "does not exist: " + source);
            }
        }
        fileUri(v, "outputUri", spec.outputUri());
        if (spec.spot() != null) {
            fileUri(v.at("spot"), "checkpointUri", spec.spot().checkpointUri());
        }
        spec.hyperparameters().keySet().forEach(key -> v.check(!key.contains("/") && !key.contains("\\")
                && !key.contains("..") && !key.startsWith("-"), "hyperparameters['" + key + "']",
                "key must not contain path separators or '..' or start with '-'"));
        v.throwIfAny();
    }

    private static boolean fileUri(Violations v, String field, String uri) {
        boolean ok = uri.startsWith("file:");
        v.check(ok, field, "the local backend reads and writes only file: URIs (add S3 support to use '" + uri + "')");
        if (ok) {
            try {
                Path.of(URI.create(uri));
            } catch (IllegalArgumentException e) {
                v.add(field, "is not a usable file URI: " + e.getMessage());
                return false;
            }
        }
        return ok;
    }

    @Override
    public synchronized TrainingJobDescription create(TrainingJobSpec spec) {
        validate(spec);
        String hash = SpecHash.of(TrainingSpecMap.of(spec));
        Running mine = running.get(spec.name());
        if (mine != null) {
            if (!mine.spec.equals(spec)) {
                throw conflict(spec.name());
            }
            return mine.state.describe();
        }
        Optional<LocalJobState> recorded = store.load(spec.name());
        if (recorded.isPresent()) {
            if (!recorded.get().specHash.equals(hash)) {
                throw conflict(spec.name());
            }
            return recorded.get().describe();
        }
        LocalJobState state = new LocalJobState(spec.name(), hash, spec.spotEnabled(), Instant.now());
        state.phase(SecondaryStatus.STARTING, "Preparing the instances for training", state.creationTime);
        store.save(state);
        LocalJobRun run = new LocalJobRun(spec, state, store, local.config(), workingDirectory);
        running.put(spec.name(), new Running(spec, state, run));
        local.jobs().execute(run);
        return state.describe();
    }

    private static ConflictException conflict(String name) {
        return new ConflictException("local", "training job '" + name
                + "' already exists with a different spec; training job names cannot be reused");
    }

    @Override
    public Optional<TrainingJobDescription> describe(String name) {
        Running mine = running.get(name);
        if (mine != null) {
            return Optional.of(mine.state.describe());
        }
        return store.load(name).map(LocalJobState::describe);
    }

    @Override
    public List<String> listNames() {
        TreeSet<String> names = new TreeSet<>(store.names());
        names.addAll(running.keySet());
        List<TrainingJobDescription> all = new ArrayList<>();
        names.forEach(name -> describe(name).ifPresent(all::add));
        return all.stream().sorted(Comparator.comparing(TrainingJobDescription::creationTime))
                .map(TrainingJobDescription::name).toList();
    }

    @Override
    public void stop(String name) {
        Running mine = running.get(name);
        if (mine != null) {
            mine.run.requestStop();
            return;
        }
        TrainingJobDescription recorded = describe(name).orElseThrow(() -> notFound(name));
        if (!recorded.status().isTerminal()) {
            throw new ConflictException("local", "training job '" + name + "' is run by another process;"
                    + " stop it from the provider that started it");
        }
    }

    @Override
    public List<LogEvent> logs(String name) {
        Running mine = running.get(name);
        if (mine != null) {
            return mine.state.logs();
        }
        if (describe(name).isEmpty()) {
            throw notFound(name);
        }
        Path logs = store.jobDirectory(name).resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<LogEvent> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    int space = line.indexOf(' ');
                    events.add(new LogEvent(Instant.parse(line.substring(0, space)), line.substring(space + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.sort(Comparator.comparing(LogEvent::timestamp));
        return events;
    }

    @Override
    public List<MetricSample> metricHistory(String name) {
        Running mine = running.get(name);
        LocalJobState state = mine != null ? mine.state : store.load(name).orElseThrow(() -> notFound(name));
        return state.metricSeries().stream()
                .map(p -> new MetricSample(p.name(), p.value(), p.at())).toList();
    }

    /** The values a running or finished job of this provider reported for {@code metric}, in order. */
    List<Double> metricSeries(String name, String metric) {
        Running mine = running.get(name);
        if (mine == null) {
            return List.of();
        }
        return mine.state.metricSeries().stream().filter(p -> p.name().equals(metric)).map(LocalJobState.MetricPoint::value)
                .toList();
    }

    private static ResourceNotFoundException notFound(String name) {
        return new ResourceNotFoundException("local", "training job '" + name + "' does not exist");
    }

    /** Stops every job this provider started and waits, within the grace period, for them to end. */
    private void stopAll() {
        running.values().forEach(r -> r.run.requestStop());
        long deadline = System.nanoTime() + local.config().stopGracePeriod().toNanos() + 5_000_000_000L;
        for (Running r : running.values()) {
            while (!r.state.isTerminal() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
