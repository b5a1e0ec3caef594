package io.mlplane.training.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlplane.core.MlProvider;
import io.mlplane.core.Plan;
import io.mlplane.core.ValidationException;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.core.testing.AwsModelValidator;
import io.mlplane.training.HyperbandResources;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.WarmStart;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The CreateHyperParameterTuningJob request: exact mapping, conformance to the service model, refusals. */
class SageMakerTuningTest {

    private static final String SECRET = "canary-tuning-secret-11";

    static TuningJobSpec.Builder spec() {
        TrainingJobSpec template = SageMakerTrainingTest.richSpec("churn-trial").toBuilder()
                .environment(java.util.Map.of()).secretEnvironment("WANDB_API_KEY", SECRET).build();
        return TuningJobSpec.builder().name("churn-hpo").trainingTemplate(template)
                .objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.01, 0.3, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 3, 10))
                .parameter(Parameter.categorical("booster", "gbtree", "dart"))
                .maxTrials(30).maxParallelTrials(5).earlyStopping(true).randomSeed(42L)
                .warmStart(WarmStart.transferLearning("churn-hpo-v1")).tag("team", "growth");
    }

    @Test
    void planIsAValidCreateHyperParameterTuningJobWithTheTemplateMapped() throws IOException {
        VirtualClock clock = VirtualClock.create();
        try (FakeSageMaker fake = new FakeSageMaker(clock); MlProvider ml = SageMakerTestSupport.provider(fake, clock)) {
            Plan plan = ml.plan(spec().build());

            JsonNode body = new ObjectMapper().readTree(plan.toJson()).path("requests").get(0).path("body");
            assertThat(plan.requests().get(0).operation()).isEqualTo("CreateHyperParameterTuningJob");
            assertThat(AwsModelValidator.sageMaker().validateInput("CreateHyperParameterTuningJob", body)).isEmpty();
            JsonNode config = body.path("HyperParameterTuningJobConfig");
            assertThat(config.path("Strategy").asText()).isEqualTo("Bayesian");
            assertThat(config.path("HyperParameterTuningJobObjective").path("Type").asText()).isEqualTo("Maximize");
            assertThat(config.path("ResourceLimits").path("MaxNumberOfTrainingJobs").asInt()).isEqualTo(30);
            assertThat(config.path("ResourceLimits").path("MaxParallelTrainingJobs").asInt()).isEqualTo(5);
            assertThat(config.path("TrainingJobEarlyStoppingType").asText()).isEqualTo("Auto");
            assertThat(config.path("RandomSeed").asInt()).isEqualTo(42);
            JsonNode ranges = config.path("ParameterRanges");
            assertThat(ranges.path("ContinuousParameterRanges").get(0).path("ScalingType").asText()).isEqualTo("Logarithmic");
            assertThat(ranges.path("ContinuousParameterRanges").get(0).path("MinValue").asText()).isEqualTo("0.01");
            assertThat(ranges.path("IntegerParameterRanges").get(0).path("MaxValue").asText()).isEqualTo("10");
            assertThat(ranges.path("CategoricalParameterRanges").get(0).path("Values").toString()).isEqualTo("[\"gbtree\",\"dart\"]");
            JsonNode definition = body.path("TrainingJobDefinition");
            assertThat(definition.path("StaticHyperParameters").has("eta")).as("tuned, so not static").isFalse();
            assertThat(definition.path("StaticHyperParameters").path("num_round").asText()).isEqualTo("300");
            assertThat(definition.path("EnableManagedSpotTraining").asBoolean()).isTrue();
            assertThat(definition.path("Environment").path("WANDB_API_KEY").asText()).isEqualTo("****");
            assertThat(body.path("WarmStartConfig").path("WarmStartType").asText()).isEqualTo("TransferLearning");
            assertThat(body.path("Tags").findValuesAsText("Key")).contains("team", "mlplane:spec-hash");
            assertThat(plan.toJson()).doesNotContain(SECRET);
            assertThat(fake.totalRequests()).isZero();

            ml.submit(spec().build());
            JsonNode sent = fake.tuningRequest("churn-hpo");
            assertThat(sent.path("TrainingJobDefinition").path("Environment").path("WANDB_API_KEY").asText()).isEqualTo(SECRET);
            assertThat(fake.violations()).isEmpty();
        }
    }

    @Test
    void whatSageMakerTuningCannotDoIsRefusedBeforeAnyRequest() throws IOException {
        VirtualClock clock = VirtualClock.create();
        try (FakeSageMaker fake = new FakeSageMaker(clock); MlProvider ml = SageMakerTestSupport.provider(fake, clock)) {
            TuningJobSpec withEntryPoint = spec().trainingTemplate(spec().build().trainingTemplate().toBuilder()
                    .entryPoint("python3", "train.py").build()).build();
            assertThatThrownBy(() -> ml.submit(withEntryPoint)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fields()).containsExactly("trainingTemplate.entryPoint"));
            TuningJobSpec grid = spec().strategy(Strategy.GRID).maxTrials(null).earlyStopping(false)
                    .parameters(java.util.List.of(Parameter.categorical("booster", "gbtree", "dart"))).build();
            assertThat(ml.plan(grid).toJson()).doesNotContain("MaxNumberOfTrainingJobs");
            assertThat(fake.totalRequests()).isZero();
        }
    }

    @Test
    void hyperbandSendsItsResourceBudgetAsStrategyConfig() throws IOException {
        VirtualClock clock = VirtualClock.create();
        try (FakeSageMaker fake = new FakeSageMaker(clock); MlProvider ml = SageMakerTestSupport.provider(fake, clock)) {
            JsonNode body = new ObjectMapper().readTree(ml.plan(spec().strategy(Strategy.HYPERBAND).earlyStopping(false)
                    .hyperbandResources(HyperbandResources.of(2, 81)).build()).toJson()).path("requests").get(0).path("body");

            assertThat(AwsModelValidator.sageMaker().validateInput("CreateHyperParameterTuningJob", body)).isEmpty();
            JsonNode config = body.path("HyperParameterTuningJobConfig");
            assertThat(config.path("Strategy").asText()).isEqualTo("Hyperband");
            assertThat(config.path("StrategyConfig").toString())
                    .isEqualTo("{\"HyperbandStrategyConfig\":{\"MinResource\":2,\"MaxResource\":81}}");
            assertThat(config.path("TrainingJobEarlyStoppingType").asText()).isEqualTo("Off");
            JsonNode inferred = new ObjectMapper().readTree(ml.plan(spec().strategy(Strategy.HYPERBAND).earlyStopping(false)
                    .trainingTemplate(spec().build().trainingTemplate().toBuilder().hyperparameter("epochs", 30).build())
                    .build()).toJson()).path("requests").get(0).path("body");
            assertThat(inferred.path("HyperParameterTuningJobConfig").has("StrategyConfig")).as("SageMaker infers it").isFalse();
            assertThat(inferred.path("TrainingJobDefinition").path("StaticHyperParameters").path("epochs").asText()).isEqualTo("30");
        }
    }
}
