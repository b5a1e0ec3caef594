package io.mlplane.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.Capability;
import io.mlplane.core.ValidationException;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of {@link TuningJobSpec}: one invalid value each, and all of them at once. */
class TuningJobSpecValidationTest {

    static TrainingJobSpec template() {
        return TrainingJobSpec.builder().name("churn-xgb").image("registry.example/xgb:1.7").instanceType("ml.m5.xlarge")
                .outputUri("s3://bucket/out/").maxRuntime(Duration.ofHours(1)).hyperparameter("eta", 0.1)
                .hyperparameter("num_round", 100).metricDefinition("validation:auc", "validation-auc:([0-9.]+)").build();
    }

    static TuningJobSpec.Builder valid() {
        return TuningJobSpec.builder().name("churn-hpo").trainingTemplate(template())
                .objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.01, 0.5, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 3, 10))
                .parameter(Parameter.categorical("booster", "gbtree", "dart"))
                .maxTrials(20).maxParallelTrials(4);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("name is required", b -> b.name(""), "name"),
                rule("name at most 32", b -> b.name("n".repeat(33)), "name"),
                rule("name characters", b -> b.name("churn_hpo"), "name"),
                rule("template name leaves room for trial numbers", b -> b.trainingTemplate(template().toBuilder()
                        .name("t".repeat(60)).build()), "trainingTemplate.name"),
                rule("objective metric is a template metric", b -> b.objective(Objective.minimize("loss")), "objective.metric"),
                rule("at least one parameter", b -> b.parameters(java.util.List.of()), "parameters"),
                rule("at most 30 parameters", b -> b.parameters(IntStream.range(0, 31)
                        .mapToObj(i -> Parameter.integer("p" + i, 0, 1)).toList()), "parameters"),
                rule("parameter names are unique", b -> b.parameter(Parameter.integer("max_depth", 1, 2)), "parameters[3].name"),
                rule("min below max", b -> b.parameter(Parameter.continuous("gamma", 5, 5)), "parameters[3].max"),
                rule("logarithmic needs min above 0", b -> b.parameter(Parameter.continuous("alpha", 0, 1, Scaling.LOGARITHMIC)),
                        "parameters[3].min"),
                rule("reverse logarithmic within [0, 1)", b -> b.parameter(Parameter.continuous("momentum", 0.5, 1.0,
                        Scaling.REVERSE_LOGARITHMIC)), "parameters[3].max"),
                rule("reverse logarithmic for continuous only", b -> b.parameter(new Parameter("layers", Parameter.Type.INTEGER,
                        0.0, 1.0, java.util.List.of(), Scaling.REVERSE_LOGARITHMIC)), "parameters[3].scaling"),
                rule("ranges are finite", b -> b.parameter(Parameter.continuous("lambda", 0, Double.POSITIVE_INFINITY)),
                        "parameters[3].min"),
                rule("categorical needs a value", b -> b.parameter(Parameter.categorical("objective")), "parameters[3].values"),
                rule("categorical values are distinct", b -> b.parameter(Parameter.categorical("tree", "hist", "hist")),
                        "parameters[3].values"),
                rule("at most 30 categorical values", b -> b.parameter(Parameter.categorical("c", IntStream.range(0, 31)
                        .mapToObj(Integer::toString).toArray(String[]::new))), "parameters[3].values"),
                rule("max trials is required", b -> b.maxTrials(null), "maxTrials"),
                rule("max trials at least 1", b -> b.maxTrials(0), "maxTrials"),
                rule("parallel trials at least 1", b -> b.maxParallelTrials(0), "maxParallelTrials"),
                rule("parallel trials at most max trials", b -> b.maxParallelTrials(21), "maxParallelTrials"),
                rule("grid search leaves max trials unset", b -> b.strategy(Strategy.GRID)
                        .parameters(java.util.List.of(Parameter.categorical("booster", "gbtree", "dart"))), "maxTrials"),
                rule("grid search takes categorical parameters only", b -> b.strategy(Strategy.GRID).maxTrials(null)
                        .maxParallelTrials(1), "parameters[0].type", "parameters[1].type"),
                rule("hyperband stops early itself", b -> b.strategy(Strategy.HYPERBAND).earlyStopping(true)
                        .hyperbandResources(HyperbandResources.of(1, 27)), "earlyStopping"),
                rule("hyperband needs a maximum resource or a static epochs hyperparameter",
                        b -> b.strategy(Strategy.HYPERBAND), "hyperbandResources"),
                rule("hyperband resources only for hyperband", b -> b.hyperbandResources(HyperbandResources.of(1, 27)),
                        "hyperbandResources"),
                rule("hyperband minimum resource at least 1", b -> b.strategy(Strategy.HYPERBAND)
                        .hyperbandResources(HyperbandResources.of(0, 27)), "hyperbandResources.minResource"),
                rule("hyperband maximum resource at least the minimum", b -> b.strategy(Strategy.HYPERBAND)
                        .hyperbandResources(HyperbandResources.of(5, 4)), "hyperbandResources.maxResource"),
                rule("hyperband maximum resource at most 20000", b -> b.strategy(Strategy.HYPERBAND)
                        .hyperbandResources(HyperbandResources.of(1, 20_001)), "hyperbandResources.maxResource"),
                rule("warm start needs 1 to 5 parents", b -> b.warmStart(WarmStart.transferLearning()), "warmStart.parents"),
                rule("warm start parents are tuning job names", b -> b.warmStart(WarmStart.identicalDataAndAlgorithm("bad_name")),
                        "warmStart.parents[0]"),
                rule("random seed not negative", b -> b.randomSeed(-1L), "randomSeed"),
                rule("at most 50 tags", b -> {
                    IntStream.range(0, 51).forEach(i -> b.tag("t" + i, "v"));
                    return b;
                }, "tags"));
    }

    private static Arguments rule(String description, UnaryOperator<TuningJobSpec.Builder> breakIt, String... fields) {
        return Arguments.of(description, breakIt, fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesItsField(String description, UnaryOperator<TuningJobSpec.Builder> breakIt, String[] fields) {
        assertThatThrownBy(() -> breakIt.apply(valid()).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).containsExactly(fields));
    }

    @Test
    void theValidSpecPassesAndKeepsUntunedHyperparametersStatic() {
        TuningJobSpec spec = valid().build();

        assertThat(spec.strategy()).isEqualTo(Strategy.BAYESIAN);
        assertThat(spec.staticHyperparameters()).containsExactly(Map.entry("num_round", "100"));
        assertThat(spec.requiredCapabilities()).contains(Capability.HYPERPARAMETER_TUNING, Capability.TRAINING);
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        TuningJobSpec grid = valid().strategy(Strategy.GRID).maxTrials(null).maxParallelTrials(2)
                .parameters(java.util.List.of(Parameter.categorical("booster", "gbtree", "dart"))).build();
        assertThat(grid.maxTrials()).isNull();
        TuningJobSpec inferred = valid().strategy(Strategy.HYPERBAND)
                .trainingTemplate(template().toBuilder().hyperparameter("epochs", 27).build()).build();
        assertThat(inferred.budgetHyperparameter()).as("SageMaker infers MaxResource from it").isEqualTo("epochs");
        assertThat(inferred.hyperbandResources()).isNull();
    }

    @Test
    void anInvalidSpecReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> TuningJobSpec.builder().name("bad_name").trainingTemplate(template())
                .objective(Objective.minimize("loss")).parameter(Parameter.continuous("eta", 1, 0))
                .maxTrials(2).maxParallelTrials(3).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields())
                        .containsExactlyInAnyOrder("name", "objective.metric", "parameters[0].max", "maxParallelTrials"));
    }
}
