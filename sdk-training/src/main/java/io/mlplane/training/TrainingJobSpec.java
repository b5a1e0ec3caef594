package io.mlplane.training;

import io.mlplane.core.Capability;
import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.ValidationException;
import io.mlplane.training.spi.TrainingAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to run one training job, on any backend. Build it with {@link #builder()}: {@code build()}
 * checks every field against SageMaker's limits (which the other backends share) and reports all problems at
 * once in a {@link ValidationException}, each with its field path, so nothing invalid ever reaches a backend.
 *
 * <p>Two specs are equal when every field is; submitting an equal spec again returns the existing job.
 * {@link #toString()} never shows the values of secret environment variables.
 *
 * @param name the job name, unique per backend: 1 to 63 letters, digits and hyphens, starting and ending with a
 *     letter or digit
 * @param image the training container image; may be empty when {@code entryPoint} or {@code algorithm} says what
 *     to run on the local backend
 * @param entryPoint the command to run (on SageMaker the container's entry point; on the local backend a
 *     command on this machine, such as {@code python3 train.py}); empty for the image's own
 * @param algorithm a Java training program run in process by the local backend, or {@code null}
 * @param instanceType an {@code ml.*} instance type such as {@code ml.m5.xlarge}
 * @param instanceCount how many instances, at least 1
 * @param volumeSizeGb the storage volume per instance in GB (default 30)
 * @param volumeKmsKeyId the KMS key that encrypts the volume, or {@code null}
 * @param channels the inputs, at most 20, with distinct names
 * @param inputMode the input mode of channels that do not set their own (default {@link InputMode#FILE})
 * @param hyperparameters at most 100 string parameters passed to the container
 * @param outputUri where the model artifact goes: {@code s3://...} or {@code file://...}
 * @param outputKmsKeyId the KMS key that encrypts the output, or {@code null}
 * @param maxRuntime the longest the job may run, 1 second to 28 days (default 1 day)
 * @param spot managed spot training settings, or {@code null} for on-demand capacity
 * @param environment environment variables for the container, some maybe secret
 * @param metricDefinitions metrics to extract from the logs, at most 40
 * @param vpcConfig the VPC to run in, or {@code null}
 * @param networkIsolation whether the container runs without network access
 * @param interContainerTrafficEncryption whether traffic between instances is encrypted
 * @param tags at most 50 tags
 */
public record TrainingJobSpec(String name, String image, List<String> entryPoint, @Nullable TrainingAlgorithm algorithm,
        String instanceType, int instanceCount, int volumeSizeGb,
        @Nullable String volumeKmsKeyId, List<Channel> channels, InputMode inputMode,
        Map<String, String> hyperparameters, String outputUri, @Nullable String outputKmsKeyId, Duration maxRuntime,
        @Nullable Spot spot, List<EnvironmentVariable> environment, List<MetricDefinition> metricDefinitions,
        @Nullable VpcConfig vpcConfig, boolean networkIsolation, boolean interContainerTrafficEncryption,
        Map<String, String> tags) implements ResourceSpec<TrainingJob> {

    /** The volume size when none is given, as in the SageMaker Python SDK. */
    public static final int DEFAULT_VOLUME_SIZE_GB = 30;

    /** The max runtime when none is given: one day, as on SageMaker. */
    public static final Duration DEFAULT_MAX_RUNTIME = Duration.ofDays(1);

    /**
     * Copies the collections and validates every field; prefer {@link #builder()}.
     *
     * @throws ValidationException listing every invalid field
     */
    public TrainingJobSpec {
        channels = List.copyOf(channels);
        entryPoint = List.copyOf(entryPoint);
        hyperparameters = orderedCopy(hyperparameters);
        environment = List.copyOf(environment);
        metricDefinitions = List.copyOf(metricDefinitions);
        tags = orderedCopy(tags);
        TrainingJobSpecValidator.validate(name, image, entryPoint, algorithm, instanceType, instanceCount, volumeSizeGb, volumeKmsKeyId,
                channels, inputMode, hyperparameters, outputUri, outputKmsKeyId, maxRuntime, spot, environment,
                metricDefinitions, vpcConfig, tags);
    }

    private static Map<String, String> orderedCopy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key == null"),
                Objects.requireNonNull(v, () -> "value of '" + k + "' == null")));
        return Collections.unmodifiableMap(copy);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a changed spec. */
    public Builder toBuilder() {
        Builder b = builder().name(name).image(image).entryPoint(entryPoint).algorithm(algorithm)
                .instanceType(instanceType).instanceCount(instanceCount)
                .volumeSizeGb(volumeSizeGb).volumeKmsKeyId(volumeKmsKeyId).channels(channels).inputMode(inputMode)
                .hyperparameters(hyperparameters).outputUri(outputUri).outputKmsKeyId(outputKmsKeyId)
                .maxRuntime(maxRuntime).spot(spot).metricDefinitions(metricDefinitions).vpcConfig(vpcConfig)
                .networkIsolation(networkIsolation).interContainerTrafficEncryption(interContainerTrafficEncryption)
                .tags(tags);
        b.environment.addAll(environment);
        return b;
    }

    @Override
    public Class<TrainingJob> resourceType() {
        return TrainingJob.class;
    }

    /** Whether the job runs on managed spot capacity. */
    public boolean spotEnabled() {
        return spot != null;
    }

    @Override
    public Set<Capability> requiredCapabilities() {
        Set<Capability> needed = EnumSet.of(Capability.TRAINING);
        if (algorithm != null) {
            needed.add(Capability.IN_PROCESS_ALGORITHM);
        }
        for (Channel channel : channels) {
            switch (channel.effectiveInputMode(inputMode)) {
                case PIPE -> needed.add(Capability.PIPE_MODE);
                case FAST_FILE -> needed.add(Capability.FAST_FILE_MODE);
                case FILE -> { }
            }
        }
        if (spot != null) {
            needed.add(Capability.SPOT_TRAINING);
            needed.add(Capability.CHECKPOINTING);
        }
        if (instanceCount > 1) {
            needed.add(Capability.DISTRIBUTED_TRAINING);
        }
        if (vpcConfig != null) {
            needed.add(Capability.VPC);
        }
        if (volumeKmsKeyId != null || outputKmsKeyId != null) {
            needed.add(Capability.KMS_ENCRYPTION);
        }
        if (networkIsolation) {
            needed.add(Capability.NETWORK_ISOLATION);
        }
        if (interContainerTrafficEncryption) {
            needed.add(Capability.INTER_CONTAINER_ENCRYPTION);
        }
        return Collections.unmodifiableSet(needed);
    }

    /**
     * Builds a {@link TrainingJobSpec}. Setters accept anything non-null; {@link #build()} validates it all at
     * once. For collections a plural setter replaces, a singular one appends.
     */
    public static final class Builder {
        private String name = "";
        private String image = "";
        private final List<String> entryPoint = new ArrayList<>();
        private @Nullable TrainingAlgorithm algorithm;
        private String instanceType = "";
        private int instanceCount = 1;
        private int volumeSizeGb = DEFAULT_VOLUME_SIZE_GB;
        private @Nullable String volumeKmsKeyId;
        private final List<Channel> channels = new ArrayList<>();
        private InputMode inputMode = InputMode.FILE;
        private final Map<String, String> hyperparameters = new LinkedHashMap<>();
        private String outputUri = "";
        private @Nullable String outputKmsKeyId;
        private Duration maxRuntime = DEFAULT_MAX_RUNTIME;
        private @Nullable Spot spot;
        private final List<EnvironmentVariable> environment = new ArrayList<>();
        private final List<MetricDefinition> metricDefinitions = new ArrayList<>();
        private @Nullable VpcConfig vpcConfig;
        private boolean networkIsolation;
        private boolean interContainerTrafficEncryption;
        private final Map<String, String> tags = new LinkedHashMap<>();

        private Builder() {
        }

        /** The job name (required). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** The training image (required unless an entry point or algorithm runs on the local backend). */
        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image == null");
            return this;
        }

        /** The command to run, replacing the image's entry point; for example {@code "python3", "train.py"}. */
        public Builder entryPoint(String... command) {
            return entryPoint(List.of(command));
        }

        /** The command to run, replacing the image's entry point. */
        public Builder entryPoint(List<String> command) {
            entryPoint.clear();
            command.forEach(part -> entryPoint.add(Objects.requireNonNull(part, "entryPoint part == null")));
            return this;
        }

        /** A Java training program for the local backend; {@code null} for none. */
        public Builder algorithm(@Nullable TrainingAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /** The instance type, for example {@code ml.m5.xlarge} (required). */
        public Builder instanceType(String instanceType) {
            this.instanceType = Objects.requireNonNull(instanceType, "instanceType == null");
            return this;
        }

        /** The number of instances (default 1). */
        public Builder instanceCount(int instanceCount) {
            this.instanceCount = instanceCount;
            return this;
        }

        /** The volume size per instance in GB (default 30). */
        public Builder volumeSizeGb(int volumeSizeGb) {
            this.volumeSizeGb = volumeSizeGb;
            return this;
        }

        /** The KMS key for the volume. */
        public Builder volumeKmsKeyId(@Nullable String volumeKmsKeyId) {
            this.volumeKmsKeyId = volumeKmsKeyId;
            return this;
        }

        /** Appends a channel. */
        public Builder channel(Channel channel) {
            channels.add(Objects.requireNonNull(channel, "channel == null"));
            return this;
        }

        /** Replaces the channels. */
        public Builder channels(List<Channel> channels) {
            this.channels.clear();
            channels.forEach(this::channel);
            return this;
        }

        /** The input mode for channels that set none (default {@link InputMode#FILE}). */
        public Builder inputMode(InputMode inputMode) {
            this.inputMode = Objects.requireNonNull(inputMode, "inputMode == null");
            return this;
        }

        /** Adds or replaces one hyperparameter. */
        public Builder hyperparameter(String key, String value) {
            hyperparameters.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Adds an integer hyperparameter, passed as its decimal string. */
        public Builder hyperparameter(String key, long value) {
            return hyperparameter(key, Long.toString(value));
        }

        /** Adds a floating-point hyperparameter, passed as its shortest exact decimal string. */
        public Builder hyperparameter(String key, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("hyperparameter '" + key + "' must be finite: " + value);
            }
            return hyperparameter(key, java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        }

        /** Adds a boolean hyperparameter, passed as {@code "true"} or {@code "false"}. */
        public Builder hyperparameter(String key, boolean value) {
            return hyperparameter(key, Boolean.toString(value));
        }

        /** Replaces the hyperparameters. */
        public Builder hyperparameters(Map<String, String> hyperparameters) {
            this.hyperparameters.clear();
            hyperparameters.forEach(this::hyperparameter);
            return this;
        }

        /** Where the model artifact goes (required). */
        public Builder outputUri(String outputUri) {
            this.outputUri = Objects.requireNonNull(outputUri, "outputUri == null");
            return this;
        }

        /** The KMS key for the output. */
        public Builder outputKmsKeyId(@Nullable String outputKmsKeyId) {
            this.outputKmsKeyId = outputKmsKeyId;
            return this;
        }

        /** The longest the job may run (default 1 day). */
        public Builder maxRuntime(Duration maxRuntime) {
            this.maxRuntime = Objects.requireNonNull(maxRuntime, "maxRuntime == null");
            return this;
        }

        /** Run on managed spot capacity with these settings; {@code null} for on-demand. */
        public Builder spot(@Nullable Spot spot) {
            this.spot = spot;
            return this;
        }

        /** Adds a plain environment variable. */
        public Builder environment(String name, String value) {
            environment.add(EnvironmentVariable.of(name, value));
            return this;
        }

        /** Adds an environment variable whose value is never printed. */
        public Builder secretEnvironment(String name, String value) {
            environment.add(EnvironmentVariable.secret(name, value));
            return this;
        }

        /** Replaces the environment with plain variables. */
        public Builder environment(Map<String, String> variables) {
            environment.clear();
            variables.forEach(this::environment);
            return this;
        }

        /** Appends a metric definition. */
        public Builder metricDefinition(String name, String regex) {
            metricDefinitions.add(MetricDefinition.of(name, regex));
            return this;
        }

        /** Replaces the metric definitions. */
        public Builder metricDefinitions(List<MetricDefinition> definitions) {
            metricDefinitions.clear();
            definitions.forEach(d -> metricDefinitions.add(Objects.requireNonNull(d, "metric definition == null")));
            return this;
        }

        /** Runs the job in a VPC; {@code null} for none. */
        public Builder vpcConfig(@Nullable VpcConfig vpcConfig) {
            this.vpcConfig = vpcConfig;
            return this;
        }

        /** Runs the container without network access. */
        public Builder networkIsolation(boolean networkIsolation) {
            this.networkIsolation = networkIsolation;
            return this;
        }

        /** Encrypts traffic between instances. */
        public Builder interContainerTrafficEncryption(boolean enabled) {
            this.interContainerTrafficEncryption = enabled;
            return this;
        }

        /** Adds or replaces a tag. */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            tags.forEach(this::tag);
            return this;
        }

        /**
         * The spec.
         *
         * @throws ValidationException listing every invalid field with its path
         */
        public TrainingJobSpec build() {
            return new TrainingJobSpec(name, image, entryPoint, algorithm, instanceType, instanceCount, volumeSizeGb, volumeKmsKeyId,
                    channels, inputMode, hyperparameters, outputUri, outputKmsKeyId, maxRuntime, spot, environment,
                    metricDefinitions, vpcConfig, networkIsolation, interContainerTrafficEncryption, tags);
        }
    }
}
