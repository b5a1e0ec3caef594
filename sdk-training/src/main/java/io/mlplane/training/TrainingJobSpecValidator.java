package io.mlplane.training;

import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.spi.TrainingAlgorithm;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@link TrainingJobSpec}, from the CreateTrainingJob shapes of the SageMaker service model
 * (lengths, patterns, counts, ranges) plus the cross-field rules of spot training.
 */
final class TrainingJobSpecValidator {

    static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9-]+");
    static final Pattern IMAGE = Pattern.compile("\\S+");
    static final Pattern KMS_KEY = Pattern.compile("[a-zA-Z0-9:/_-]*");
    static final Pattern DATA_URI = Pattern.compile("(s3://[^/]+/?.*|file:/.*|pvc://[a-z0-9][-a-z0-9.]*(/.*)?)");
    static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9.\\-_]+");
    static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final Pattern VPC_ID = Pattern.compile("[-0-9a-zA-Z]+");
    static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    static final int MAX_NAME = 63;
    static final int MAX_IMAGE = 255;
    static final int MAX_ENTRY_POINT = 100;
    static final int MAX_ENTRY_POINT_PART = 256;
    static final int MAX_KMS_KEY = 2048;
    static final int MAX_URI = 1024;
    static final int MAX_CHANNELS = 20;
    static final int MAX_CHANNEL_NAME = 64;
    static final int MAX_CONTENT_TYPE = 256;
    static final int MAX_HYPERPARAMETERS = 100;
    static final int MAX_HYPERPARAMETER_KEY = 256;
    static final int MAX_HYPERPARAMETER_VALUE = 2500;
    static final Duration MAX_RUNTIME = Duration.ofDays(28);
    static final int MAX_LOCAL_PATH = 4096;
    static final int MAX_ENVIRONMENT = 100;
    static final int MAX_ENV_NAME = 512;
    static final int MAX_ENV_VALUE = 512;
    static final int MAX_METRIC_DEFINITIONS = 40;
    static final int MAX_METRIC_NAME = 255;
    static final int MAX_METRIC_REGEX = 500;
    static final int MAX_SECURITY_GROUPS = 5;
    static final int MAX_SUBNETS = 16;
    static final int MAX_VPC_ID = 32;
    static final int MAX_TAGS = 50;
    static final int MAX_TAG_KEY = 128;
    static final int MAX_TAG_VALUE = 256;

    private TrainingJobSpecValidator() {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    static void validate(@Nullable String name, @Nullable String image, List<String> entryPoint,
            @Nullable TrainingAlgorithm algorithm, @Nullable String instanceType,
            int instanceCount, int volumeSizeGb, @Nullable String volumeKmsKeyId, List<Channel> channels,
            @Nullable InputMode inputMode, Map<String, String> hyperparameters, @Nullable String outputUri,
            @Nullable String outputKmsKeyId, @Nullable Duration maxRuntime, @Nullable Spot spot,
            List<EnvironmentVariable> environment, List<MetricDefinition> metricDefinitions,
            @Nullable VpcConfig vpcConfig, Map<String, String> tags) {
        Violations v = Violations.of("TrainingJobSpec" + (name == null || name.isBlank() ? "" : " '" + name + "'"));
        if (v.required("name", name) && v.length("name", name, 1, MAX_NAME)) {
            v.matches("name", name, JOB_NAME,
                    "must contain only letters, digits and hyphens and start and end with a letter or digit");
        }
        boolean imageOptional = !entryPoint.isEmpty() || algorithm != null;
        if (image == null || image.isEmpty()) {
            v.check(imageOptional, "image", "is required (or set an entryPoint or algorithm to run locally)");
        } else if (v.length("image", image, 1, MAX_IMAGE)) {
            v.matches("image", image, IMAGE, "must not contain whitespace");
        }
        v.check(entryPoint.size() <= MAX_ENTRY_POINT, "entryPoint",
                "must hold at most " + MAX_ENTRY_POINT + " parts but holds " + entryPoint.size());
        for (int i = 0; i < entryPoint.size(); i++) {
            v.length("entryPoint[" + i + "]", entryPoint.get(i), 1, MAX_ENTRY_POINT_PART);
        }
        if (v.required("instanceType", instanceType)) {
            v.matches("instanceType", instanceType, INSTANCE_TYPE, "must be an ml.* instance type such as ml.m5.xlarge");
        }
        v.range("instanceCount", instanceCount, 1, Integer.MAX_VALUE);
        v.range("volumeSizeGb", volumeSizeGb, 1, Integer.MAX_VALUE);
        kmsKey(v, "volumeKmsKeyId", volumeKmsKeyId);
        v.required("inputMode", inputMode);
        channels(v, channels);
        hyperparameters(v, hyperparameters);
        if (v.required("outputUri", outputUri)) {
            dataUri(v, "outputUri", outputUri);
        }
        kmsKey(v, "outputKmsKeyId", outputKmsKeyId);
        if (v.required("maxRuntime", maxRuntime)) {
            v.range("maxRuntime", maxRuntime, Duration.ofSeconds(1), MAX_RUNTIME);
            wholeSeconds(v, "maxRuntime", maxRuntime);
        }
        if (spot != null) {
            spot(v.at("spot"), spot, maxRuntime);
        }
        environment(v, environment);
        metricDefinitions(v, metricDefinitions);
        if (vpcConfig != null) {
            vpc(v.at("vpcConfig"), vpcConfig);
        }
        tags(v, tags);
        v.throwIfAny();
    }

    private static void kmsKey(Violations v, String field, @Nullable String key) {
        if (key != null && v.length(field, key, 1, MAX_KMS_KEY)) {
            v.matches(field, key, KMS_KEY, "must be a KMS key id, alias or ARN");
        }
    }

    private static void dataUri(Violations v, String field, String uri) {
        if (v.length(field, uri, 1, MAX_URI)) {
            v.matches(field, uri, DATA_URI, "must be an s3://bucket/prefix, file:/path or pvc://claim/path URI");
        }
    }

    private static void wholeSeconds(Violations v, String field, Duration duration) {
        v.check(duration.toNanosPart() == 0, field, "must be a whole number of seconds but is " + duration);
    }

    private static void channels(Violations v, List<Channel> channels) {
        v.maxSize("channels", channels, MAX_CHANNELS);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            Violations c = v.at("channels[" + i + "]");
            if (c.required("name", channel.name()) && c.length("name", channel.name(), 1, MAX_CHANNEL_NAME)
                    && c.matches("name", channel.name(), CHANNEL_NAME,
                            "must contain only letters, digits, '.', '-' and '_'")) {
                c.check(names.add(channel.name()), "name", "duplicates the channel name '" + channel.name() + "'");
            }
            if (c.required("uri", channel.uri())) {
                dataUri(c, "uri", channel.uri());
            }
            c.length("contentType", channel.contentType(), 1, MAX_CONTENT_TYPE);
        }
    }

    private static void hyperparameters(Violations v, Map<String, String> hyperparameters) {
        v.maxSize("hyperparameters", hyperparameters.keySet(), MAX_HYPERPARAMETERS);
        hyperparameters.forEach((key, value) -> {
            String field = "hyperparameters['" + abbreviate(key) + "']";
            v.check(!key.isEmpty() && key.length() <= MAX_HYPERPARAMETER_KEY, field,
                    "key length must be between 1 and " + MAX_HYPERPARAMETER_KEY + " but is " + key.length());
            v.check(value.length() <= MAX_HYPERPARAMETER_VALUE, field,
                    "value length must be at most " + MAX_HYPERPARAMETER_VALUE + " but is " + value.length());
        });
    }

    private static void spot(Violations v, Spot spot, @Nullable Duration maxRuntime) {
        if (v.required("maxWait", spot.maxWait())) {
            Duration maxWait = spot.maxWait();
            wholeSeconds(v, "maxWait", maxWait);
            if (maxRuntime != null) {
                v.check(maxWait.compareTo(maxRuntime) >= 0, "maxWait",
                        "must be at least maxRuntime (" + maxRuntime + ") but is " + maxWait);
            }
        }
        if (v.required("checkpointUri", spot.checkpointUri())) {
            dataUri(v, "checkpointUri", spot.checkpointUri());
        }
        if (v.length("checkpointLocalPath", spot.checkpointLocalPath(), 1, MAX_LOCAL_PATH)) {
            v.check(spot.checkpointLocalPath().startsWith("/"), "checkpointLocalPath",
                    "must be an absolute path but is '" + spot.checkpointLocalPath() + "'");
        }
    }

    private static void environment(Violations v, List<EnvironmentVariable> environment) {
        v.maxSize("environment", environment, MAX_ENVIRONMENT);
        Set<String> names = new HashSet<>();
        for (EnvironmentVariable variable : environment) {
            String field = "environment['" + abbreviate(variable.name()) + "']";
            if (v.length(field, variable.name(), 1, MAX_ENV_NAME)) {
                v.check(ENV_NAME.matcher(variable.name()).matches(), field,
                        "name must match [a-zA-Z_][a-zA-Z0-9_]*");
            }
            v.check(variable.value().length() <= MAX_ENV_VALUE, field,
                    "value length must be at most " + MAX_ENV_VALUE + " but is " + variable.value().length());
            v.check(names.add(variable.name()), field, "is set more than once");
        }
    }

    private static void metricDefinitions(Violations v, List<MetricDefinition> definitions) {
        v.maxSize("metricDefinitions", definitions, MAX_METRIC_DEFINITIONS);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            MetricDefinition definition = definitions.get(i);
            Violations m = v.at("metricDefinitions[" + i + "]");
            if (m.length("name", definition.name(), 1, MAX_METRIC_NAME)) {
                m.check(names.add(definition.name()), "name", "duplicates the metric '" + definition.name() + "'");
            }
            if (m.length("regex", definition.regex(), 1, MAX_METRIC_REGEX)) {
                try {
                    Pattern.compile(definition.regex());
                } catch (PatternSyntaxException e) {
                    m.add("regex", "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
    }

    private static void vpc(Violations v, VpcConfig vpc) {
        ids(v, "securityGroupIds", vpc.securityGroupIds(), MAX_SECURITY_GROUPS);
        ids(v, "subnets", vpc.subnets(), MAX_SUBNETS);
    }

    private static void ids(Violations v, String field, List<String> ids, int max) {
        v.check(!ids.isEmpty() && ids.size() <= max, field, "must hold between 1 and " + max + " ids but holds " + ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String element = field + "[" + i + "]";
            if (v.length(element, ids.get(i), 1, MAX_VPC_ID)) {
                v.matches(element, ids.get(i), VPC_ID, "must contain only letters, digits and hyphens");
            }
        }
    }

    private static void tags(Violations v, Map<String, String> tags) {
        v.maxSize("tags", tags.keySet(), MAX_TAGS);
        tags.forEach((key, value) -> {
            String field = "tags['" + abbreviate(key) + "']";
            if (v.length(field, key, 1, MAX_TAG_KEY)) {
                v.check(TAG_TEXT.matcher(key).matches(), field,
                        "key must contain only letters, digits, spaces and _ . : / = + - @");
                v.check(!key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:"), field,
                        "key must not start with the reserved prefix 'aws:'");
            }
            v.check(value.length() <= MAX_TAG_VALUE, field,
                    "value length must be at most " + MAX_TAG_VALUE + " but is " + value.length());
            v.check(TAG_TEXT.matcher(value).matches(), field,
                    "value must contain only letters, digits, spaces and _ . : / = + - @");
        });
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
