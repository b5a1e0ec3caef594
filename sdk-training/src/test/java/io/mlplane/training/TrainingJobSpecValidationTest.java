package io.mlplane.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.Capability;
import io.mlplane.core.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of {@link TrainingJobSpec}: one invalid value each, and all of them at once. */
class TrainingJobSpecValidationTest {

    static TrainingJobSpec.Builder valid() {
        return TrainingJobSpec.builder().name("churn-xgb-1").image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1.7")
                .instanceType("ml.m5.xlarge").outputUri("s3://bucket/models/")
                .channel(Channel.builder().name("train").uri("s3://bucket/train/").build());
    }

    static Spot.Builder validSpot() {
        return Spot.builder().maxWait(Duration.ofDays(2)).checkpointUri("s3://bucket/ckpt/");
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("name is required", b -> b.name(""), "name"),
                rule("name at most 63 characters", b -> b.name("a".repeat(64)), "name"),
                rule("name without underscores", b -> b.name("churn_xgb"), "name"),
                rule("name must not start with a hyphen", b -> b.name("-churn"), "name"),
                rule("name must not end with a hyphen", b -> b.name("churn-"), "name"),
                rule("image is required", b -> b.image(" "), "image"),
                rule("image at most 255 characters", b -> b.image("i".repeat(256)), "image"),
                rule("image without whitespace", b -> b.image("my image"), "image"),
                rule("instance type is required", b -> b.instanceType(""), "instanceType"),
                rule("instance type must be ml.*", b -> b.instanceType("m5.xlarge"), "instanceType"),
                rule("instance type must be ml.<family>.<size>", b -> b.instanceType("ml.m5"), "instanceType"),
                rule("instance count at least 1", b -> b.instanceCount(0), "instanceCount"),
                rule("volume size at least 1 GB", b -> b.volumeSizeGb(0), "volumeSizeGb"),
                rule("volume KMS key format", b -> b.volumeKmsKeyId("key with spaces"), "volumeKmsKeyId"),
                rule("volume KMS key length", b -> b.volumeKmsKeyId("k".repeat(2049)), "volumeKmsKeyId"),
                rule("channel name is required", b -> b.channels(List.of(Channel.builder().uri("s3://b/x").build())), "channels[0].name"),
                rule("channel name at most 64", b -> b.channel(Channel.builder().name("c".repeat(65)).uri("s3://b/x").build()), "channels[1].name"),
                rule("channel name characters", b -> b.channel(Channel.builder().name("my channel").uri("s3://b/x").build()), "channels[1].name"),
                rule("channel names are unique", b -> b.channel(Channel.builder().name("train").uri("s3://b/other").build()), "channels[1].name"),
                rule("channel URI is required", b -> b.channel(Channel.builder().name("validation").build()), "channels[1].uri"),
                rule("channel URI is s3:// or file:", b -> b.channel(Channel.builder().name("validation").uri("gs://b/x").build()), "channels[1].uri"),
                rule("channel URI at most 1024", b -> b.channel(Channel.builder().name("validation").uri("s3://b/" + "x".repeat(1020)).build()), "channels[1].uri"),
                rule("channel content type at most 256", b -> b.channel(Channel.builder().name("validation").uri("s3://b/x").contentType("t".repeat(257)).build()), "channels[1].contentType"),
                rule("at most 20 channels", b -> b.channels(IntStream.range(0, 21).mapToObj(i -> Channel.builder().name("c" + i).uri("s3://b/" + i).build()).toList()), "channels"),
                rule("at most 100 hyperparameters", b -> { IntStream.range(0, 101).forEach(i -> b.hyperparameter("h" + i, i)); return b; }, "hyperparameters"),
                rule("hyperparameter key at most 256", b -> b.hyperparameter("k".repeat(257), "v"), "hyperparameters['" + "k".repeat(37) + "...']"),
                rule("hyperparameter key not empty", b -> b.hyperparameter("", "v"), "hyperparameters['']"),
                rule("hyperparameter value at most 2500", b -> b.hyperparameter("eta", "9".repeat(2501)), "hyperparameters['eta']"),
                rule("output URI is required", b -> b.outputUri(""), "outputUri"),
                rule("output URI is s3:// or file:", b -> b.outputUri("https://bucket.s3.amazonaws.com/models"), "outputUri"),
                rule("output KMS key format", b -> b.outputKmsKeyId("alias ml"), "outputKmsKeyId"),
                rule("max runtime at least 1 second", b -> b.maxRuntime(Duration.ZERO), "maxRuntime"),
                rule("max runtime at most 28 days", b -> b.maxRuntime(Duration.ofDays(29)), "maxRuntime"),
                rule("max runtime in whole seconds", b -> b.maxRuntime(Duration.ofMillis(1500)), "maxRuntime"),
                rule("spot needs max wait", b -> b.spot(validSpot().maxWait(null).build()), "spot.maxWait"),
                rule("spot max wait at least max runtime", b -> b.maxRuntime(Duration.ofHours(5)).spot(validSpot().maxWait(Duration.ofHours(4)).build()), "spot.maxWait"),
                rule("spot needs a checkpoint URI", b -> b.spot(validSpot().checkpointUri(null).build()), "spot.checkpointUri"),
                rule("spot checkpoint URI is s3:// or file:", b -> b.spot(validSpot().checkpointUri("/tmp/ckpt").build()), "spot.checkpointUri"),
                rule("spot checkpoint local path is absolute", b -> b.spot(validSpot().checkpointLocalPath("ckpt").build()), "spot.checkpointLocalPath"),
                rule("spot checkpoint local path at most 4096", b -> b.spot(validSpot().checkpointLocalPath("/" + "p".repeat(4096)).build()), "spot.checkpointLocalPath"),
                rule("environment name format", b -> b.environment("1BAD", "x"), "environment['1BAD']"),
                rule("environment value at most 512", b -> b.environment("OK", "v".repeat(513)), "environment['OK']"),
                rule("environment names are unique", b -> b.environment("DUP", "a").secretEnvironment("DUP", "b"), "environment['DUP']"),
                rule("at most 100 environment variables", b -> { IntStream.range(0, 101).forEach(i -> b.environment("V" + i, "x")); return b; }, "environment"),
                rule("metric name not empty", b -> b.metricDefinition("", "loss=([0-9.]+)"), "metricDefinitions[0].name"),
                rule("metric names are unique", b -> b.metricDefinition("loss", "a=(.*)").metricDefinition("loss", "b=(.*)"), "metricDefinitions[1].name"),
                rule("metric regex compiles", b -> b.metricDefinition("loss", "loss=([0-9.]+"), "metricDefinitions[0].regex"),
                rule("metric regex at most 500", b -> b.metricDefinition("loss", "x".repeat(501)), "metricDefinitions[0].regex"),
                rule("at most 40 metric definitions", b -> { IntStream.range(0, 41).forEach(i -> b.metricDefinition("m" + i, "m" + i + "=(.*)")); return b; }, "metricDefinitions"),
                rule("VPC needs a security group", b -> b.vpcConfig(VpcConfig.of(List.of(), List.of("subnet-1"))), "vpcConfig.securityGroupIds"),
                rule("VPC at most 5 security groups", b -> b.vpcConfig(VpcConfig.of(List.of("sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"), List.of("subnet-1"))), "vpcConfig.securityGroupIds"),
                rule("VPC at most 16 subnets", b -> b.vpcConfig(VpcConfig.of(List.of("sg-1"), IntStream.range(0, 17).mapToObj(i -> "subnet-" + i).toList())), "vpcConfig.subnets"),
                rule("VPC id format", b -> b.vpcConfig(VpcConfig.of(List.of("sg_1"), List.of("subnet-1"))), "vpcConfig.securityGroupIds[0]"),
                rule("tag key not empty", b -> b.tag("", "v"), "tags['']"),
                rule("tag key at most 128", b -> b.tag("t".repeat(129), "v"), "tags['" + "t".repeat(37) + "...']"),
                rule("tag key not aws:", b -> b.tag("aws:owner", "v"), "tags['aws:owner']"),
                rule("tag value characters", b -> b.tag("team", "a;b"), "tags['team']"),
                rule("tag value at most 256", b -> b.tag("team", "v".repeat(257)), "tags['team']"),
                rule("at most 50 tags", b -> { IntStream.range(0, 51).forEach(i -> b.tag("t" + i, "v")); return b; }, "tags"));
    }

    private static Arguments rule(String description, UnaryOperator<TrainingJobSpec.Builder> breakIt, String field) {
        return Arguments.of(description, breakIt, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesItsField(String description, UnaryOperator<TrainingJobSpec.Builder> breakIt, String field) {
        TrainingJobSpec.Builder builder = breakIt.apply(valid());

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fields()).containsExactly(field);
            assertThat(e.getMessage()).contains(field);
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void theValidBaseSpecPasses() {
        TrainingJobSpec spec = valid().spot(validSpot().build()).build();

        assertThat(spec.name()).isEqualTo("churn-xgb-1");
        assertThat(spec.volumeSizeGb()).isEqualTo(TrainingJobSpec.DEFAULT_VOLUME_SIZE_GB);
        assertThat(spec.maxRuntime()).isEqualTo(Duration.ofDays(1));
        assertThat(spec.spot().checkpointLocalPath()).isEqualTo("/opt/ml/checkpoints");
    }

    @Test
    void anInvalidSpecReportsEveryBadFieldInOneException() {
        TrainingJobSpec.Builder builder = TrainingJobSpec.builder().name("bad_name").image("").instanceType("p3.2xlarge")
                .instanceCount(0).outputUri("ftp://x").maxRuntime(Duration.ofHours(3))
                .channel(Channel.builder().name("train").uri("s3://b/t").build())
                .channel(Channel.builder().name("train").uri("nowhere").build())
                .spot(Spot.builder().maxWait(Duration.ofHours(1)).build())
                .environment("bad-name", "x").tag("aws:x", "y");

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fields()).containsExactlyInAnyOrder("name", "image", "instanceType", "instanceCount",
                    "outputUri", "channels[1].name", "channels[1].uri", "spot.maxWait", "spot.checkpointUri",
                    "environment['bad-name']", "tags['aws:x']");
            assertThat(e.getMessage()).contains("11 problems").contains("spot.maxWait: must be at least maxRuntime");
            assertThat(e.subject()).isEqualTo("TrainingJobSpec 'bad_name'");
        });
    }

    @Test
    void fileUrisAreAcceptedForLocalRuns() {
        TrainingJobSpec spec = valid().outputUri("file:///tmp/out")
                .channels(List.of(Channel.builder().name("train").uri("file:///data/train").build())).build();

        assertThat(spec.channels().get(0).uri()).isEqualTo("file:///data/train");
    }

    @Test
    void typedHyperparametersBecomeStrings() {
        TrainingJobSpec spec = valid().hyperparameter("num_round", 100).hyperparameter("eta", 0.30)
                .hyperparameter("early_stop", true).hyperparameter("objective", "binary:logistic").build();

        assertThat(spec.hyperparameters()).containsExactly(java.util.Map.entry("num_round", "100"),
                java.util.Map.entry("eta", "0.3"), java.util.Map.entry("early_stop", "true"),
                java.util.Map.entry("objective", "binary:logistic"));
        assertThatThrownBy(() -> valid().hyperparameter("eta", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specsAreImmutableAndComparedByValue() {
        TrainingJobSpec a = valid().hyperparameter("eta", "0.2").build();
        TrainingJobSpec b = valid().hyperparameter("eta", "0.2").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().hyperparameter("eta", "0.3").build()).isNotEqualTo(a);
        assertThatThrownBy(() -> a.hyperparameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.channels().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requiredCapabilitiesFollowTheSpec() {
        assertThat(valid().build().requiredCapabilities()).containsExactly(Capability.TRAINING);
        TrainingJobSpec rich = valid().inputMode(InputMode.PIPE).instanceCount(4).spot(validSpot().build())
                .channel(Channel.builder().name("validation").uri("s3://b/v").inputMode(InputMode.FILE).build()).build();
        assertThat(rich.requiredCapabilities()).containsExactlyInAnyOrder(Capability.TRAINING, Capability.PIPE_MODE,
                Capability.DISTRIBUTED_TRAINING, Capability.SPOT_TRAINING, Capability.CHECKPOINTING);
    }
}
