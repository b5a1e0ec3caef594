package io.mlplane.training.sagemaker;

import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.Secret;
import io.mlplane.core.sagemaker.AwsWireForm;
import io.mlplane.core.sagemaker.SageMakerConfig;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.Channel;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.internal.SpecHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.CheckpointConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.ShuffleConfig;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/**
 * Maps a {@link TrainingJobSpec} and the provider's defaults to a CreateTrainingJob request, after checking
 * what only SageMaker rejects (s3:// URIs, known instance types, the tag budget). The request carries a tag
 * with a hash of everything else, which makes submits idempotent: a later submit finds the existing job and
 * compares hashes.
 */
final class CreateTrainingJobMapper {

    /** The tag whose value identifies the spec a job was created from. */
    static final String SPEC_HASH_TAG = "mlplane:spec-hash";

    private static final int MAX_TAGS = 50;

    private final SageMakerConfig config;

    CreateTrainingJobMapper(SageMakerConfig config) {
        this.config = config;
    }

    /** The request without the spec-hash tag, after the SageMaker checks: the base of a tuning job's definition. */
    CreateTrainingJobRequest untagged(TrainingJobSpec spec) {
        validate(spec);
        return build(spec, tags(spec));
    }

    /** The request, tagged with the spec hash; throws ValidationException if SageMaker would refuse it. */
    CreateTrainingJobRequest request(TrainingJobSpec spec) {
        validate(spec);
        CreateTrainingJobRequest untagged = build(spec, tags(spec));
        List<Tag> tagged = new ArrayList<>(untagged.tags());
        tagged.add(Tag.builder().key(SPEC_HASH_TAG).value(hash(planBody(spec, untagged))).build());
        return untagged.toBuilder().tags(tagged).build();
    }

    /** The request as its JSON wire body, with secret environment values as {@link Secret}s. */
    Map<String, Object> planBody(TrainingJobSpec spec, CreateTrainingJobRequest request) {
        Map<String, Object> body = AwsWireForm.of(request);
        if (body.get("Environment") instanceof Map<?, ?> environment) {
            Map<String, Object> redacted = new LinkedHashMap<>();
            environment.forEach((k, v) -> redacted.put((String) k, v));
            for (EnvironmentVariable variable : spec.environment()) {
                redacted.put(variable.name(), variable.planValue());
            }
            body.put("Environment", redacted);
        }
        return body;
    }

    private void validate(TrainingJobSpec spec) {
        Violations v = Violations.of("TrainingJobSpec '" + spec.name() + "' on SageMaker");
        v.check(!spec.image().isEmpty(), "image", "is required on SageMaker, which runs containers");
        v.check(TrainingInstanceType.fromValue(spec.instanceType()) != TrainingInstanceType.UNKNOWN_TO_SDK_VERSION,
                "instanceType", "is not a SageMaker training instance type: '" + spec.instanceType() + "'");
        for (int i = 0; i < spec.channels().size(); i++) {
            s3(v, "channels[" + i + "].uri", spec.channels().get(i).uri());
        }
        s3(v, "outputUri", spec.outputUri());
        if (spec.spot() != null) {
            s3(v, "spot.checkpointUri", spec.spot().checkpointUri());
        }
        Set<String> keys = new HashSet<>(config.defaultTags().keySet());
        keys.addAll(spec.tags().keySet());
        v.check(keys.size() + 1 <= MAX_TAGS, "tags", "with the provider's default tags and mlplane's spec-hash tag"
                + " there would be " + (keys.size() + 1) + " tags; SageMaker allows " + MAX_TAGS);
        v.check(!keys.contains(SPEC_HASH_TAG), "tags['" + SPEC_HASH_TAG + "']", "is reserved for mlplane");
        v.throwIfAny();
    }

    private static void s3(Violations v, String field, String uri) {
        v.check(uri.startsWith("s3://"), field, "SageMaker reads and writes only s3:// URIs but is '" + uri + "'");
    }

    private Map<String, String> tags(TrainingJobSpec spec) {
        Map<String, String> tags = new LinkedHashMap<>(config.defaultTags());
        tags.putAll(spec.tags());
        return tags;
    }

    private CreateTrainingJobRequest build(TrainingJobSpec spec, Map<String, String> tags) {
        String kms = config.defaultKmsKeyId();
        CreateTrainingJobRequest.Builder request = CreateTrainingJobRequest.builder()
                .trainingJobName(spec.name())
                .roleArn(config.roleArn())
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage(spec.image())
                        .containerEntrypoint(spec.entryPoint().isEmpty() ? null : spec.entryPoint())
                        .trainingInputMode(spec.inputMode().wireName())
                        .metricDefinitions(spec.metricDefinitions().stream()
                                .map(m -> MetricDefinition.builder().name(m.name()).regex(m.regex()).build()).toList())
                        .build())
                .resourceConfig(ResourceConfig.builder()
                        .instanceType(spec.instanceType())
                        .instanceCount(spec.instanceCount())
                        .volumeSizeInGB(spec.volumeSizeGb())
                        .volumeKmsKeyId(spec.volumeKmsKeyId() != null ? spec.volumeKmsKeyId() : kms)
                        .build())
                .outputDataConfig(OutputDataConfig.builder()
                        .s3OutputPath(spec.outputUri())
                        .kmsKeyId(spec.outputKmsKeyId() != null ? spec.outputKmsKeyId() : kms)
                        .build())
                .stoppingCondition(StoppingCondition.builder()
                        .maxRuntimeInSeconds((int) spec.maxRuntime().toSeconds())
                        .maxWaitTimeInSeconds(spec.spot() == null ? null : (int) spec.spot().maxWait().toSeconds())
                        .build())
                .enableNetworkIsolation(spec.networkIsolation())
                .enableInterContainerTrafficEncryption(spec.interContainerTrafficEncryption())
                .enableManagedSpotTraining(spec.spotEnabled())
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList());
        if (!spec.channels().isEmpty()) {
            request.inputDataConfig(spec.channels().stream().map(c -> channel(c, spec)).toList());
        }
        if (!spec.hyperparameters().isEmpty()) {
            request.hyperParameters(spec.hyperparameters());
        }
        if (!spec.environment().isEmpty()) {
            Map<String, String> environment = new LinkedHashMap<>();
            spec.environment().forEach(e -> environment.put(e.name(), e.value()));
            request.environment(environment);
        }
        Spot spot = spec.spot();
        if (spot != null) {
            request.checkpointConfig(CheckpointConfig.builder().s3Uri(spot.checkpointUri())
                    .localPath(spot.checkpointLocalPath()).build());
        }
        if (spec.vpcConfig() != null) {
            request.vpcConfig(VpcConfig.builder().securityGroupIds(spec.vpcConfig().securityGroupIds())
                    .subnets(spec.vpcConfig().subnets()).build());
        } else if (!config.defaultSubnets().isEmpty()) {
            request.vpcConfig(VpcConfig.builder().securityGroupIds(config.defaultSecurityGroupIds())
                    .subnets(config.defaultSubnets()).build());
        }
        return request.build();
    }

    private static software.amazon.awssdk.services.sagemaker.model.Channel channel(Channel channel, TrainingJobSpec spec) {
        var builder = software.amazon.awssdk.services.sagemaker.model.Channel.builder()
                .channelName(channel.name())
                .dataSource(DataSource.builder().s3DataSource(S3DataSource.builder()
                        .s3DataType(S3DataType.S3_PREFIX)
                        .s3Uri(channel.uri())
                        .s3DataDistributionType(channel.distribution().wireName())
                        .build()).build())
                .contentType(channel.contentType())
                .compressionType(channel.compression().wireName())
                .inputMode(channel.effectiveInputMode(spec.inputMode()).wireName());
        if (channel.shuffleSeed() != null) {
            builder.shuffleConfig(ShuffleConfig.builder().seed(channel.shuffleSeed()).build());
        }
        return builder.build();
    }

    private static String hash(Map<String, Object> body) {
        return SpecHash.of(body);
    }
}
