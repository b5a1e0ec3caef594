package io.mlplane.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlplane.core.testing.SharedSpecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits {@link TrainingJobSpec} enforces are the ones of the CreateTrainingJob shapes in the official
 * SageMaker service model ({@code ../shared/specs/aws/sagemaker-service-2.json}), so a built spec is never
 * rejected for shape by SageMaker, and nothing SageMaker accepts is refused without reason.
 */
class TrainingLimitsMatchServiceModelTest {

    private static JsonNode shape(String name) {
        JsonNode shape = SharedSpecs.sageMakerModel().path("shapes").path(name);
        assertThat(shape.isMissingNode()).as("shape %s in the service model", name).isFalse();
        return shape;
    }

    private static int max(String shape) {
        return shape(shape).path("max").asInt();
    }

    @Test
    void lengthAndCountLimitsAreTheServiceModels() {
        assertThat(TrainingJobSpecValidator.MAX_NAME).isEqualTo(max("TrainingJobName"));
        assertThat(TrainingJobSpecValidator.MAX_IMAGE).isEqualTo(max("AlgorithmImage"));
        assertThat(TrainingJobSpecValidator.MAX_KMS_KEY).isEqualTo(max("KmsKeyId"));
        assertThat(TrainingJobSpecValidator.MAX_URI).isEqualTo(max("S3Uri"));
        assertThat(TrainingJobSpecValidator.MAX_CHANNELS).isEqualTo(max("InputDataConfig"));
        assertThat(TrainingJobSpecValidator.MAX_CHANNEL_NAME).isEqualTo(max("ChannelName"));
        assertThat(TrainingJobSpecValidator.MAX_CONTENT_TYPE).isEqualTo(max("ContentType"));
        assertThat(TrainingJobSpecValidator.MAX_HYPERPARAMETERS).isEqualTo(max("HyperParameters"));
        assertThat(TrainingJobSpecValidator.MAX_HYPERPARAMETER_KEY).isEqualTo(max("HyperParameterKey"));
        assertThat(TrainingJobSpecValidator.MAX_HYPERPARAMETER_VALUE).isEqualTo(max("HyperParameterValue"));
        assertThat(TrainingJobSpecValidator.MAX_LOCAL_PATH).isEqualTo(max("DirectoryPath"));
        assertThat(TrainingJobSpecValidator.MAX_ENVIRONMENT).isEqualTo(max("TrainingEnvironmentMap"));
        assertThat(TrainingJobSpecValidator.MAX_ENV_NAME).isEqualTo(max("TrainingEnvironmentKey"));
        assertThat(TrainingJobSpecValidator.MAX_ENV_VALUE).isEqualTo(max("TrainingEnvironmentValue"));
        assertThat(TrainingJobSpecValidator.MAX_METRIC_DEFINITIONS).isEqualTo(max("MetricDefinitionList"));
        assertThat(TrainingJobSpecValidator.MAX_METRIC_NAME).isEqualTo(max("MetricName"));
        assertThat(TrainingJobSpecValidator.MAX_METRIC_REGEX).isEqualTo(max("MetricRegex"));
        assertThat(TrainingJobSpecValidator.MAX_SECURITY_GROUPS).isEqualTo(max("VpcSecurityGroupIds"));
        assertThat(TrainingJobSpecValidator.MAX_SUBNETS).isEqualTo(max("Subnets"));
        assertThat(TrainingJobSpecValidator.MAX_VPC_ID).isEqualTo(max("SecurityGroupId")).isEqualTo(max("SubnetId"));
        assertThat(TrainingJobSpecValidator.MAX_TAGS).isEqualTo(max("TagList"));
        assertThat(TrainingJobSpecValidator.MAX_TAG_KEY).isEqualTo(max("TagKey"));
        assertThat(TrainingJobSpecValidator.MAX_TAG_VALUE).isEqualTo(max("TagValue"));
    }

    @Test
    void patternsAreTheServiceModels() {
        assertThat(TrainingJobSpecValidator.JOB_NAME.pattern()).isEqualTo(shape("TrainingJobName").path("pattern").asText());
        assertThat(TrainingJobSpecValidator.KMS_KEY.pattern()).isEqualTo(shape("KmsKeyId").path("pattern").asText());
        assertThat(TrainingJobSpecValidator.ENV_NAME.pattern()).isEqualTo(shape("TrainingEnvironmentKey").path("pattern").asText());
        assertThat(TrainingJobSpecValidator.VPC_ID.pattern()).isEqualTo(shape("SecurityGroupId").path("pattern").asText());
        assertThat(TrainingJobSpecValidator.TAG_TEXT.pattern())
                .isEqualTo(shape("TagKey").path("pattern").asText().replaceAll("^\\((.*)\\)$", "$1"));
        assertThat(shape("ChannelName").path("pattern").asText()).isEqualTo("[A-Za-z0-9\\.\\-_]+");
        assertThat(TrainingJobSpecValidator.CHANNEL_NAME.matcher("train.v1-a_b").matches()).isTrue();
        assertThat(shape("MaxRuntimeInSeconds").path("min").asInt()).isEqualTo(1);
        assertThat(shape("VolumeSizeInGB").path("min").asInt()).isEqualTo(1);
    }

    @Test
    void everyTrainingInstanceTypeOfTheModelIsAccepted() {
        List<String> rejected = new ArrayList<>();
        JsonNode types = shape("TrainingInstanceType").path("enum");
        assertThat(types.size()).isGreaterThan(100);
        types.forEach(t -> {
            if (!TrainingJobSpecValidator.INSTANCE_TYPE.matcher(t.asText()).matches()) {
                rejected.add(t.asText());
            }
        });
        assertThat(rejected).isEmpty();
    }

    @Test
    void inputModesAndChannelEnumsUseTheModelsNames() {
        assertThat(names(shape("TrainingInputMode"))).containsExactlyInAnyOrder(
                java.util.Arrays.stream(InputMode.values()).map(InputMode::wireName).toArray(String[]::new));
        assertThat(names(shape("CompressionType"))).contains(
                java.util.Arrays.stream(Compression.values()).map(Compression::wireName).toArray(String[]::new));
        assertThat(names(shape("S3DataDistribution"))).containsExactlyInAnyOrder(
                java.util.Arrays.stream(DataDistribution.values()).map(DataDistribution::wireName).toArray(String[]::new));
        assertThat(names(shape("TrainingJobStatus"))).contains(
                java.util.Arrays.stream(TrainingJobStatus.values()).map(TrainingJobStatus::wireName).toArray(String[]::new));
        List<String> secondary = names(shape("SecondaryStatus"));
        for (SecondaryStatus status : SecondaryStatus.values()) {
            if (status != SecondaryStatus.UNKNOWN) {
                assertThat(secondary).as("SecondaryStatus %s", status).contains(status.wireName());
            }
        }
    }

    private static List<String> names(JsonNode shape) {
        List<String> names = new ArrayList<>();
        shape.path("enum").forEach(n -> names.add(n.asText()));
        return names;
    }
}
