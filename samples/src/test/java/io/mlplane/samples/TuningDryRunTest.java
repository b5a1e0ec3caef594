package io.mlplane.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.Plan;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.testing.AwsModelValidator;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.kubernetes.CrdSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tuning dry run plans a request SageMaker's model accepts and an Experiment that passes the Katib checks. */
class TuningDryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothPlansConformAndThePrintedYamlHoldsThem() throws Exception {
        TuningJobSpec spec = TuningDryRun.spec();
        Plan sageMaker = TuningDryRun.sageMaker(spec);
        Plan kubernetes = TuningDryRun.kubernetes(spec);

        PlannedRequest create = sageMaker.requests().get(0);
        assertThat(create.operation()).isEqualTo("CreateHyperParameterTuningJob");
        JsonNode body = JSON.readTree(sageMaker.toJson()).path("requests").get(0).path("body");
        assertThat(AwsModelValidator.sageMaker().validateInput("CreateHyperParameterTuningJob", body)).isEmpty();
        assertThat(body.path("HyperParameterTuningJobConfig").path("HyperParameterTuningJobObjective").path("MetricName")
                .asText()).isEqualTo("validation:auc");

        assertThat(kubernetes.requests()).extracting(PlannedRequest::operation).containsExactly("apply kubeflow.org/v1beta1 Experiment");
        for (PlannedRequest request : kubernetes.requests()) {
            assertThat(CrdSchemas.validate(request.body())).isEmpty();
        }
        JsonNode experiment = JSON.valueToTree(kubernetes.requests().get(0).body());
        assertThat(experiment.path("spec").path("objective").path("objectiveMetricName").asText()).isEqualTo("validation-auc");
        assertThat(experiment.path("spec").path("trialTemplate").path("trialSpec").path("kind").asText()).isEqualTo("PyTorchJob");

        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            TuningDryRun.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .isEqualTo("# sagemaker\n" + sageMaker.toYaml() + "# kubernetes\n" + kubernetes.toYaml());
    }
}
