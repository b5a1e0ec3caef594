package io.mlplane.training.internal;

import io.mlplane.core.spi.PlanBodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.EnvironmentVariable;
import io.mlplane.training.Channel;
import io.mlplane.training.TrainingJobSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The environment and arguments the SageMaker training toolkit gives a script-mode program (names and formats
 * from the toolkit's {@code environment.py} / {@code mapping.py}: {@code SM_} plus the upper-cased name; lists
 * and maps as compact JSON; hyperparameters as sorted {@code --name value} arguments), for backends that run
 * programs without the toolkit.
 *
 * @param optMl the directory that plays {@code /opt/ml}
 * @param channelPaths each channel's path as the program sees it
 * @param hosts all hosts of the job
 * @param currentHost this host (on Kubernetes {@code $(POD_NAME)}, which the kubelet expands)
 * @param checkpointDir where checkpoints live for the program
 * @param moduleDir the directory the program runs in
 */
public record ToolkitEnvironment(String optMl, Map<String, String> channelPaths, List<String> hosts, String currentHost,
        String checkpointDir, String moduleDir) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "homogeneousCluster";

    /** Hyperparameters as script mode passes them: sorted, {@code --name value} ({@code -n value} for one letter). */
    public static List<String> arguments(TrainingJobSpec spec) {
        List<String> args = new ArrayList<>();
        new TreeMap<>(spec.hyperparameters()).forEach((k, v) -> {
            args.add(k.length() > 1 ? "--" + k : "-" + k);
            args.add(v);
        });
        return args;
    }

    /** Hyperparameter values parsed as JSON where they are JSON (numbers, booleans), as the toolkit does. */
    public static Map<String, Object> decodedHyperparameters(TrainingJobSpec spec) {
        Map<String, Object> decoded = new TreeMap<>();
        spec.hyperparameters().forEach((k, v) -> decoded.put(k, decode(v)));
        return decoded;
    }

    /** A hyperparameter value parsed as JSON where it is JSON ({@code null} for "null"), else the string itself. */
    public static @Nullable Object decode(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (IOException e) {
            return value;
        }
    }

    /** {@code resourceconfig.json} for {@code currentHost}. */
    public Map<String, Object> resourceConfig(TrainingJobSpec spec) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("current_host", currentHost);
        config.put("current_instance_type", spec.instanceType());
        config.put("current_group_name", GROUP);
        config.put("hosts", hosts);
        config.put("instance_groups", List.of(PlanBodies.map("instance_group_name", GROUP, "instance_type", spec.instanceType(),
                "hosts", hosts)));
        config.put("network_interface_name", "eth0");
        return config;
    }

    /** {@code inputdataconfig.json}. */
    public static Map<String, Object> inputDataConfig(TrainingJobSpec spec) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (Channel channel : spec.channels()) {
            Map<String, Object> node = new LinkedHashMap<>();
            if (channel.contentType() != null) {
                node.put("ContentType", channel.contentType());
            }
            node.put("TrainingInputMode", channel.effectiveInputMode(spec.inputMode()).wireName());
            node.put("S3DistributionType", channel.distribution().wireName());
            node.put("RecordWrapperType", "None");
            node.put("CompressionType", channel.compression().wireName());
            config.put(channel.name(), node);
        }
        return config;
    }

    /** The environment: what the toolkit sets, then the spec's own variables (secret ones only if asked). */
    public Map<String, String> variables(TrainingJobSpec spec, boolean withSecrets) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> channels = new TreeMap<>(channelPaths);
        env.put("TRAINING_JOB_NAME", spec.name());
        env.put("SM_MODEL_DIR", optMl + "/model");
        env.put("SM_INPUT_DIR", optMl + "/input");
        env.put("SM_INPUT_CONFIG_DIR", optMl + "/input/config");
        env.put("SM_OUTPUT_DIR", optMl + "/output");
        env.put("SM_OUTPUT_DATA_DIR", optMl + "/output/data");
        env.put("SM_OUTPUT_INTERMEDIATE_DIR", optMl + "/output/intermediate");
        env.put("SM_CHANNELS", json(new ArrayList<>(channels.keySet())));
        channels.forEach((name, path) -> env.put("SM_CHANNEL_" + name.toUpperCase(Locale.ROOT), path));
        env.put("SM_HPS", json(decodedHyperparameters(spec)));
        spec.hyperparameters().forEach((k, v) -> env.put("SM_HP_" + k.toUpperCase(Locale.ROOT), v));
        env.put("SM_CURRENT_HOST", currentHost);
        env.put("SM_HOSTS", json(hosts));
        env.put("SM_CURRENT_INSTANCE_TYPE", spec.instanceType());
        env.put("SM_CURRENT_INSTANCE_GROUP", GROUP);
        env.put("SM_CURRENT_INSTANCE_GROUP_HOSTS", json(hosts));
        env.put("SM_INSTANCE_GROUPS", json(List.of(GROUP)));
        env.put("SM_DISTRIBUTION_INSTANCE_GROUPS", json(List.of()));
        env.put("SM_IS_HETERO", "false");
        env.put("SM_NUM_GPUS", "0");
        env.put("SM_LOG_LEVEL", "20");
        env.put("SM_FRAMEWORK_PARAMS", "{}");
        env.put("SM_RESOURCE_CONFIG", json(resourceConfig(spec)));
        env.put("SM_INPUT_DATA_CONFIG", json(inputDataConfig(spec)));
        env.put("SM_USER_ARGS", json(arguments(spec)));
        String script = spec.entryPoint().stream().filter(p -> p.endsWith(".py") || p.endsWith(".sh")).findFirst().orElse("");
        String file = script.isEmpty() ? "" : script.substring(script.lastIndexOf('/') + 1);
        env.put("SM_USER_ENTRY_POINT", file);
        env.put("SM_MODULE_NAME", file.replaceAll("\\.py$", ""));
        env.put("SM_MODULE_DIR", moduleDir);
        env.put("MLPLANE_CHECKPOINT_DIR", checkpointDir);
        Map<String, Object> trainingEnv = new LinkedHashMap<>();
        trainingEnv.put("job_name", spec.name());
        trainingEnv.put("current_host", currentHost);
        trainingEnv.put("hosts", hosts);
        trainingEnv.put("hyperparameters", decodedHyperparameters(spec));
        trainingEnv.put("channel_input_dirs", channels);
        trainingEnv.put("model_dir", optMl + "/model");
        trainingEnv.put("output_data_dir", optMl + "/output/data");
        trainingEnv.put("input_config_dir", optMl + "/input/config");
        env.put("SM_TRAINING_ENV", json(trainingEnv));
        for (EnvironmentVariable variable : spec.environment()) {
            if (withSecrets || !variable.secret()) {
                env.put(variable.name(), variable.value());
            }
        }
        return env;
    }

    /** Compact JSON, as the toolkit writes it. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
