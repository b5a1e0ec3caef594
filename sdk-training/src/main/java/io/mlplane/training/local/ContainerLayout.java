package io.mlplane.training.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.training.Channel;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.InputMode;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.internal.ToolkitEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One host's {@code /opt/ml}, laid out under the job directory ({@code <job>/<host>/}): the config files
 * SageMaker writes, the channels, model, output and checkpoint directories, and the environment variables and
 * command-line arguments the SageMaker training toolkit gives a script-mode program.
 */
final class ContainerLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    final TrainingJobSpec spec;
    final String host;
    final List<String> hosts;
    final int hostIndex;
    final Path root;

    ContainerLayout(TrainingJobSpec spec, Path jobDirectory, int hostIndex) {
        this.spec = spec;
        this.hostIndex = hostIndex;
        this.hosts = new ArrayList<>();
        for (int i = 1; i <= spec.instanceCount(); i++) {
            hosts.add("algo-" + i);
        }
        this.host = hosts.get(hostIndex);
        this.root = jobDirectory.resolve(host);
    }

    Path inputDir() {
        return root.resolve("input");
    }

    Path configDir() {
        return inputDir().resolve("config");
    }

    Path dataDir() {
        return inputDir().resolve("data");
    }

    Path modelDir() {
        return root.resolve("model");
    }

    Path outputDir() {
        return root.resolve("output");
    }

    Path outputDataDir() {
        return outputDir().resolve("data");
    }

    Path checkpointDir() {
        return root.resolve("checkpoints");
    }

    /** Where channel {@code name} appears: its directory, or in Pipe mode its first epoch's FIFO. */
    Path channelPath(Channel channel) {
        return channel.effectiveInputMode(spec.inputMode()) == InputMode.PIPE
                ? dataDir().resolve(channel.name() + "_0") : dataDir().resolve(channel.name());
    }

    /** Creates the directories and config files (again on a restart; checkpoints stay). */
    void prepare() throws IOException {
        for (Path dir : List.of(configDir(), dataDir(), modelDir(), outputDataDir(), outputDir().resolve("intermediate"),
                checkpointDir())) {
            Files.createDirectories(dir);
        }
        Files.deleteIfExists(outputDir().resolve("failure"));
        JSON.writerWithDefaultPrettyPrinter().writeValue(configDir().resolve("hyperparameters.json").toFile(),
                spec.hyperparameters());
        JSON.writerWithDefaultPrettyPrinter().writeValue(configDir().resolve("resourceconfig.json").toFile(), resourceConfig());
        JSON.writerWithDefaultPrettyPrinter().writeValue(configDir().resolve("inputdataconfig.json").toFile(), inputDataConfig());
    }

    /** Copies (File), links (FastFile) or leaves to a FIFO feeder (Pipe) each channel's files for this host. */
    void materializeChannels() throws IOException {
        for (Channel channel : spec.channels()) {
            InputMode mode = channel.effectiveInputMode(spec.inputMode());
            if (mode == InputMode.PIPE) {
                continue;
            }
            Path target = dataDir().resolve(channel.name());
            deleteRecursively(target);
            if (mode == InputMode.FAST_FILE && channel.distribution() == DataDistribution.FULLY_REPLICATED) {
                Files.createSymbolicLink(target, source(channel));
                continue;
            }
            Files.createDirectories(target);
            List<Path> files = filesOf(channel);
            Path source = source(channel);
            for (int i = 0; i < files.size(); i++) {
                if (channel.distribution() == DataDistribution.SHARDED_BY_S3_KEY && i % hosts.size() != hostIndex) {
                    continue;
                }
                Path file = files.get(i);
                Path relative = Files.isDirectory(source) ? source.relativize(file) : file.getFileName();
                Path destination = SafePaths.inside(target, relative.toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The regular files of a channel's source, in name order, refusing links that lead out of it. */
    List<Path> filesOf(Channel channel) throws IOException {
        Path source = source(channel);
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        Path real = source.toRealPath();
        try (Stream<Path> walk = Files.walk(source)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                if (!file.toRealPath().startsWith(real)) {
                    throw new IOException("channel '" + channel.name() + "': " + file + " leads outside " + source);
                }
            }
            return files;
        }
    }

    static Path source(Channel channel) {
        return Path.of(URI.create(channel.uri()));
    }

    /** The environment: the spec's own variables plus what the SageMaker training toolkit sets. */
    Map<String, String> environment(Path workingDirectory) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (Channel channel : spec.channels()) {
            channels.put(channel.name(), channelPath(channel).toString());
        }
        Map<String, String> env = toolkit(channels, workingDirectory).variables(spec, true);
        env.put("SM_NUM_CPUS", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("SM_NETWORK_INTERFACE_NAME", "lo");
        return env;
    }

    private ToolkitEnvironment toolkit(Map<String, String> channels, Path workingDirectory) {
        return new ToolkitEnvironment(root.toString(), channels, hosts, host, checkpointDir().toString(),
                workingDirectory.toString());
    }

    /** Hyperparameters as script mode passes them. */
    List<String> arguments() {
        return ToolkitEnvironment.arguments(spec);
    }

    private Map<String, Object> resourceConfig() {
        Map<String, Object> config = toolkit(Map.of(), root).resourceConfig(spec);
        config.put("network_interface_name", "lo");
        return config;
    }

    private Map<String, Object> inputDataConfig() {
        return ToolkitEnvironment.inputDataConfig(spec);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            Files.delete(path);
            return;
        }
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Copies the files below {@code from} into {@code to}, replacing what is there. */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
