package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.Plan;
import io.mlplane.core.testing.AwsModelValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dry-run sample prints a CreateTrainingJob request that the SageMaker service model accepts. */
class SageMakerDryRunTest {

    @Test
    void printedPlanConformsToTheServiceModel() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            SageMakerDryRun.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        JsonNode printed = new ObjectMapper().readTree(buffer.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("backend").asText()).isEqualTo("sagemaker");
        JsonNode request = printed.path("requests").get(0);
        assertThat(request.path("operation").asText()).isEqualTo("CreateTrainingJob");
        JsonNode body = request.path("body");
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateTrainingJob", body)).isEmpty();
        assertThat(body.path("EnableManagedSpotTraining").asBoolean()).isTrue();
        assertThat(body.path("StoppingCondition").path("MaxWaitTimeInSeconds").asInt()).isEqualTo(6 * 3600);
        assertThat(body.path("CheckpointConfig").path("S3Uri").asText()).isEqualTo("s3://acme-ml/churn/checkpoints/");
        assertThat(body.path("InputDataConfig").get(0).path("InputMode").asText()).isEqualTo("Pipe");
        assertThat(body.path("Tags").findValuesAsText("Key")).contains("cost-center", "team", "mlplane:spec-hash");
        Plan plan = SageMakerDryRun.plan();
        assertThat(plan.toJson()).isEqualTo(buffer.toString(StandardCharsets.UTF_8).strip());
    }
}
