package io.mlplane.training.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlplane.core.EnvironmentVariable;
import io.mlplane.training.Channel;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.InputMode;
import io.mlplane.training.TrainingJobSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One host's {@code /opt/ml}, laid out under the job directory ({@code <job>/<host>/}): the config files
 * SageMaker writes, the channels, model, output and checkpoint directories, and the environment variables and
 * command-line arguments the SageMaker training toolkit gives a script-mode program.
 */
final class ContainerLayout {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "homogeneousCluster";

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
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> channels = new TreeMap<>();
        for (Channel channel : spec.channels()) {
            channels.put(channel.name(), channelPath(channel).toString());
        }
        env.put("TRAINING_JOB_NAME", spec.name());
        env.put("SM_MODEL_DIR", modelDir().toString());
        env.put("SM_INPUT_DIR", inputDir().toString());
        env.put("SM_INPUT_CONFIG_DIR", configDir().toString());
        env.put("SM_OUTPUT_DIR", outputDir().toString());
        env.put("SM_OUTPUT_DATA_DIR", outputDataDir().toString());
        env.put("SM_OUTPUT_INTERMEDIATE_DIR", outputDir().resolve("intermediate").toString());
        env.put("SM_CHANNELS", json(new ArrayList<>(channels.keySet())));
        channels.forEach((name, path) -> env.put("SM_CHANNEL_" + name.toUpperCase(Locale.ROOT), path));
        env.put("SM_HPS", json(decodedHyperparameters()));
        spec.hyperparameters().forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(Locale.ROOT), v));
        env.put("SM_CURRENT_HOST", host);
        env.put("SM_HOSTS", json(hosts));
        env.put("SM_CURRENT_INSTANCE_TYPE", spec.instanceType());
        env.put("SM_CURRENT_INSTANCE_GROUP", GROUP);
        env.put("SM_CURRENT_INSTANCE_GROUP_HOSTS", json(hosts));
        env.put("SM_INSTANCE_GROUPS", json(List.of(GROUP)));
        env.put("SM_DISTRIBUTION_INSTANCE_GROUPS", json(List.of()));
        env.put("SM_IS_HETERO", "false");
        env.put("SM_NETWORK_INTERFACE_NAME", "lo");
        env.put("SM_NUM_CPUS", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("SM_NUM_GPUS", "0");
        env.put("SM_LOG_LEVEL", "20");
        env.put("SM_FRAMEWORK_PARAMS", "{}");
        env.put("SM_RESOURCE_CONFIG", json(resourceConfig()));
        env.put("SM_INPUT_DATA_CONFIG", json(inputDataConfig()));
        env.put("SM_USER_ARGS", json(arguments()));
        String script = spec.entryPoint().stream().filter(p -> p.endsWith(".py") || p.endsWith(".sh")).findFirst().orElse("");
        env.put("SM_USER_ENTRY_POINT", script.isEmpty() ? "" : Path.of(script).getFileName().toString());
        env.put("SM_MODULE_NAME", script.isEmpty() ? "" : Path.of(script).getFileName().toString().replaceAll("\\.py$", ""));
        env.put("SM_MODULE_DIR", workingDirectory.toString());
        env.put("MLPLANE_CHECKPOINT_DIR", checkpointDir().toString());
        Map<String, Object> trainingEnv = new LinkedHashMap<>();
        trainingEnv.put("job_name", spec.name());
        trainingEnv.put("current_host", host);
        trainingEnv.put("hosts", hosts);
        trainingEnv.put("hyperparameters", decodedHyperparameters());
        trainingEnv.put("channel_input_dirs", channels);
        trainingEnv.put("model_dir", modelDir().toString());
        trainingEnv.put("output_data_dir", outputDataDir().toString());
        trainingEnv.put("input_config_dir", configDir().toString());
        env.put("SM_TRAINING_ENV", json(trainingEnv));
        for (EnvironmentVariable variable : spec.environment()) {
            env.put(variable.name(), variable.value());
        }
        return env;
    }

    /** Hyperparameters as script mode passes them: sorted, {@code --name value} ({@code -n value} for one letter). */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        new TreeMap<>(spec.hyperparameters()).forEach((k, v) -> {
            args.add(k.length() > 1 ? "--" + k : "-" + k);
            args.add(v);
        });
        return args;
    }

    /** Hyperparameter values parsed as JSON where they are JSON (numbers, booleans), as the toolkit does. */
    private Map<String, Object> decodedHyperparameters() {
        Map<String, Object> decoded = new TreeMap<>();
        spec.hyperparameters().forEach((k, v) -> {
            try {
                decoded.put(k, JSON.readValue(v, Object.class));
            } catch (IOException e) {
                decoded.put(k, v);
            }
        });
        return decoded;
    }

    private ObjectNode resourceConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.put("current_host", host);
        config.put("current_instance_type", spec.instanceType());
        config.put("current_group_name", GROUP);
        ArrayNode hostList = config.putArray("hosts");
        hosts.forEach(hostList::add);
        ObjectNode group = config.putArray("instance_groups").addObject();
        group.put("instance_group_name", GROUP);
        group.put("instance_type", spec.instanceType());
        ArrayNode groupHosts = group.putArray("hosts");
        hosts.forEach(groupHosts::add);
        config.put("network_interface_name", "lo");
        return config;
    }

    private ObjectNode inputDataConfig() {
        ObjectNode config = JSON.createObjectNode();
        for (Channel channel : spec.channels()) {
            ObjectNode node = config.putObject(channel.name());
            if (channel.contentType() != null) {
                node.put("ContentType", channel.contentType());
            }
            node.put("TrainingInputMode", channel.effectiveInputMode(spec.inputMode()).wireName());
            node.put("S3DistributionType", channel.distribution().wireName());
            node.put("RecordWrapperType", "None");
            node.put("CompressionType", channel.compression().wireName());
        }
        return config;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
