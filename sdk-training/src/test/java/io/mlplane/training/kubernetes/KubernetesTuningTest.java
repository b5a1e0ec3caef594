package io.mlplane.training.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.ValidationException;
import io.mlplane.core.WaitTimeoutException;
import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.mock.JobScript;
import io.mlplane.training.HyperbandResources;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.Objective;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.Trial;
import io.mlplane.training.TuningJob;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningJobStatus;
import io.mlplane.training.TuningResult;
import io.mlplane.training.WarmStart;
import io.mlplane.training.kubernetes.KubernetesTuningContractTest.KubernetesTuningFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Katib specifics of the kubernetes backend's tuning jobs: the Experiment it plans, what it refuses, stop, trials. */
class KubernetesTuningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MlProvider offline(KubeflowApi api) {
        return MlProviders.kubernetes(KubernetesConfig.builder().namespace("ml").api(api).build());
    }

    private static TuningJobSpec.Builder churn(String name) {
        TrainingJobSpec template = KubernetesTrainingTest.spotJob("churn").instanceCount(1)
                .hyperparameter("eta", 0.3).hyperparameter("num_round", 100)
                .metricDefinition("validation:auc", "validation:auc=([0-9.eE-]+)")
                .metricDefinition("train:loss", "\\btrain:loss=([0-9.eE-]+)")
                .metricDefinition("epoch-time", "took ([0-9]+)s").build();
        return TuningJobSpec.builder().name(name).trainingTemplate(template).objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.001, 1.0, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 2, 10, Scaling.LINEAR))
                .parameter(Parameter.categorical("booster", "gbtree", "dart"))
                .maxTrials(12).maxParallelTrials(3).earlyStopping(true).randomSeed(7L);
    }

    private static JsonNode experiment(Plan plan) {
        for (PlannedRequest request : plan.requests()) {
            if ("Experiment".equals(request.body().get("kind"))) {
                return JSON.valueToTree(io.mlplane.core.spi.PlanBodies.revealed(request.body()));
            }
        }
        throw new AssertionError("no Experiment in " + plan.toJson());
    }

    @Test
    void theExperimentMapsTheSpecAndItsTrialTemplateIsTheTrainingJobWithPlaceholders() {
        Plan plan;
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            assertThat(ml.capabilities().supports(Capability.HYPERPARAMETER_TUNING)).isTrue();
            plan = ml.plan(churn("churn-search").build());
        }

        assertThat(plan.requests()).extracting(PlannedRequest::operation)
                .containsExactly("apply v1 Secret", "apply kubeflow.org/v1beta1 Experiment");
        for (PlannedRequest request : plan.requests()) {
            assertThat(CrdSchemas.validate(request.body())).as(request.operation()).isEmpty();
        }
        assertThat(plan.toJson()).doesNotContain(KubernetesTrainingTest.SECRET);
        JsonNode e = experiment(plan);
        assertThat(e.path("metadata").path("labels").path(KatibExperiments.TUNING_LABEL).asText()).isEqualTo("churn-search");
        JsonNode spec = e.path("spec");
        assertThat(spec.path("algorithm").path("algorithmName").asText()).isEqualTo("bayesianoptimization");
        assertThat(spec.path("algorithm").path("algorithmSettings").get(0).toString()).isEqualTo("{\"name\":\"random_state\",\"value\":\"7\"}");
        assertThat(spec.path("parallelTrialCount").asInt()).isEqualTo(3);
        assertThat(spec.path("maxTrialCount").asInt()).isEqualTo(12);
        assertThat(spec.path("maxFailedTrialCount").asInt()).as("fails only when every trial fails").isEqualTo(11);
        assertThat(spec.path("earlyStopping").path("algorithmName").asText()).isEqualTo("medianstop");
        assertThat(spec.path("parameters").toString()).isEqualTo("["
                + "{\"name\":\"eta\",\"parameterType\":\"double\",\"feasibleSpace\":{\"min\":\"0.001\",\"max\":\"1\",\"distribution\":\"logUniform\"}},"
                + "{\"name\":\"max_depth\",\"parameterType\":\"int\",\"feasibleSpace\":{\"min\":\"2\",\"max\":\"10\",\"distribution\":\"uniform\"}},"
                + "{\"name\":\"booster\",\"parameterType\":\"categorical\",\"feasibleSpace\":{\"list\":[\"gbtree\",\"dart\"]}}]");
        JsonNode objective = spec.path("objective");
        assertThat(objective.path("type").asText()).isEqualTo("maximize");
        assertThat(objective.path("objectiveMetricName").asText()).isEqualTo("validation:auc");
        assertThat(objective.path("additionalMetricNames").toString()).as("epoch-time's line prints 'took'")
                .isEqualTo("[\"train:loss\",\"took\"]");
        assertThat(objective.path("metricStrategies").findValuesAsText("value")).containsOnly("latest");
        assertThat(spec.path("metricsCollectorSpec").path("collector").path("kind").asText()).isEqualTo("StdOut");
        assertThat(spec.path("metricsCollectorSpec").path("source").path("filter").path("metricsFormat").toString())
                .isEqualTo("[\"(validation:auc)=([0-9.eE-]+)\",\"\\\\b(train:loss)=([0-9.eE-]+)\",\"(took) ([0-9]+)s\"]");

        JsonNode template = spec.path("trialTemplate");
        assertThat(template.path("retain").asBoolean()).as("trials stay training jobs with logs").isTrue();
        assertThat(template.path("primaryContainerName").asText()).isEqualTo("pytorch");
        assertThat(template.path("primaryPodLabels").toString()).isEqualTo("{\"training.kubeflow.org/job-role\":\"master\"}");
        assertThat(template.path("successCondition").asText()).contains("Succeeded");
        assertThat(template.path("trialParameters").findValuesAsText("reference")).containsExactly("eta", "max_depth", "booster");
        JsonNode job = template.path("trialSpec");
        assertThat(job.path("kind").asText()).isEqualTo("PyTorchJob");
        assertThat(job.path("metadata").has("name")).as("Katib names the trial's job").isFalse();
        String text = job.toString();
        assertThat(text).doesNotContain("mlplane-trial-name", "MLPLANE_TRIAL_PARAMETER", "7391720461", "\"0.3\"")
                .contains("${trialSpec.Name}-master-0", "/${trialSpec.Name}/output/model.tar.gz", "ckpt/${trialSpec.Name}")
                .doesNotContain("mlplane-config\",\"configMap");
        JsonNode container = job.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec")
                .path("containers").get(0);
        assertThat(container.path("args").toString()).isEqualTo("[\"--booster\",\"${trialParameters.booster}\",\"--epochs\","
                + "\"10\",\"--eta\",\"${trialParameters.eta}\",\"--lr\",\"0.01\",\"--max_depth\",\"${trialParameters.max_depth}\","
                + "\"--num_round\",\"100\"]");
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(v -> env.put(v.path("name").asText(), v.has("value") ? v.path("value").asText()
                : v.path("valueFrom").path("secretKeyRef").path("name").asText()));
        assertThat(env.get("SM_HPS")).as("numbers stay numbers, as the toolkit decodes them")
                .isEqualTo("{\"booster\":\"${trialParameters.booster}\",\"epochs\":10,\"eta\":${trialParameters.eta},\"lr\":0.01,"
                        + "\"max_depth\":${trialParameters.max_depth},\"num_round\":100}");
        assertThat(env.get("WANDB_API_KEY")).isEqualTo(KatibExperiments.secretName("churn-search"));
        String stage = job.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec")
                .path("initContainers").get(0).path("command").get(2).asText();
        assertThat(stage).contains("cat > /tmp/mlplane-config/hyperparameters.json <<'MLPLANE_EOF'\n"
                + "{\"epochs\":\"10\",\"lr\":\"0.01\",\"num_round\":\"100\",\"eta\":\"${trialParameters.eta}\",");

        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            assertThat(experiment(ml.plan(churn("r").strategy(Strategy.RANDOM).build())).path("spec").path("algorithm")
                    .path("algorithmName").asText()).isEqualTo("random");
            JsonNode batches = experiment(ml.plan(churn("b").parameter(Parameter.categorical("batch_size", "32", "64"))
                    .parameter(Parameter.categorical("shuffle", "true", "false")).build()));
            assertThat(batches.path("spec").path("trialTemplate").path("trialSpec").toString()).as("decoded as JSON, as the toolkit does")
                    .contains("\\\"batch_size\\\":${trialParameters.batch_size}", "\\\"shuffle\\\":${trialParameters.shuffle}",
                            "\\\"booster\\\":\\\"${trialParameters.booster}\\\"");
            JsonNode grid = experiment(ml.plan(churn("g").strategy(Strategy.GRID).maxTrials(null).earlyStopping(false)
                    .parameters(List.of(Parameter.categorical("booster", "gbtree", "dart"),
                            Parameter.categorical("objective", "binary:logistic", "binary:hinge", "reg:squarederror"))).build()));
            assertThat(grid.path("spec").path("algorithm").toString()).isEqualTo("{\"algorithmName\":\"grid\"}");
            assertThat(grid.path("spec").path("maxTrialCount").asInt()).as("every combination").isEqualTo(6);
        }
    }

    @Test
    void hyperbandLetsKatibSetEachTrialsEpochs() {
        JsonNode e;
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            Plan plan = ml.plan(churn("hb-search").strategy(Strategy.HYPERBAND).earlyStopping(false)
                    .hyperbandResources(HyperbandResources.of(1, 9)).maxTrials(30).maxParallelTrials(9).build());
            plan.requests().forEach(r -> assertThat(CrdSchemas.validate(r.body())).as(r.operation()).isEmpty());
            e = experiment(plan);
        }
        JsonNode spec = e.path("spec");
        assertThat(spec.path("algorithm").toString()).isEqualTo("{\"algorithmName\":\"hyperband\",\"algorithmSettings\":["
                + "{\"name\":\"resource_name\",\"value\":\"epochs\"},{\"name\":\"eta\",\"value\":\"3\"},"
                + "{\"name\":\"r_l\",\"value\":\"9\"}]}");
        assertThat(spec.path("parameters").get(3).toString())
                .isEqualTo("{\"name\":\"epochs\",\"parameterType\":\"int\",\"feasibleSpace\":{\"min\":\"1\",\"max\":\"9\"}}");
        assertThat(spec.path("trialTemplate").path("trialParameters").findValuesAsText("reference")).contains("epochs");
        assertThat(spec.path("trialTemplate").path("trialSpec").toString()).contains("\"--epochs\",\"${trialParameters.epochs}\"");

        ObjectNode tooFewParallel = e.deepCopy();
        ((ObjectNode) tooFewParallel.path("spec")).put("parallelTrialCount", 3);
        assertThat(problems(tooFewParallel)).anyMatch(p -> p.contains("parallelTrialCount"));
        ObjectNode unknownResource = e.deepCopy();
        ((ObjectNode) unknownResource.path("spec").path("algorithm").path("algorithmSettings").get(0)).put("value", "steps");
        assertThat(problems(unknownResource)).anyMatch(p -> p.contains("resource_name"));

        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            k8s.objective("hb-run", Duration.ofMinutes(10), hp -> Double.parseDouble(hp.get("epochs")) / 10);
            TuningResult result = k8s.provider().submit(tuning("hb-run", k8s).strategy(Strategy.HYPERBAND)
                    .trainingTemplate(k8s.template("hb-run", "hb-run").hyperparameter("epochs", 9).build())
                    .maxTrials(9).maxParallelTrials(9).build()).awaitCompletion(Duration.ofHours(6));
            assertThat(result.status()).isEqualTo(TuningJobStatus.COMPLETED);
            assertThat(result.trials()).hasSize(9).allSatisfy(t -> assertThat(Integer.parseInt(t.hyperparameters().get("epochs")))
                    .isBetween(1, 9));
        }
    }

    @Test
    void trainerV2TrialsAreTrainJobsWithTheirOwnPrimaryPod() {
        JsonNode template;
        try (MlProvider ml = offline(KubeflowApi.TRAINER_V2)) {
            Plan plan = ml.plan(churn("v2-search").build());
            plan.requests().forEach(r -> assertThat(CrdSchemas.validate(r.body())).as(r.operation()).isEmpty());
            template = experiment(plan).path("spec").path("trialTemplate");
        }
        assertThat(template.path("trialSpec").path("kind").asText()).isEqualTo("TrainJob");
        assertThat(template.path("primaryContainerName").asText()).isEqualTo("node");
        assertThat(template.path("primaryPodLabels").path("jobset.sigs.k8s.io/replicatedjob-name").asText()).isEqualTo("node");
        assertThat(template.path("successCondition").asText()).contains("Complete");
    }

    @Test
    void theSchemaChecksCatchWhatKatibWouldReject() throws Exception {
        JsonNode planned;
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            planned = experiment(ml.plan(churn("broken").build()));
        }
        ObjectNode numberAsNumber = planned.deepCopy();
        ((ObjectNode) numberAsNumber.path("spec").path("parameters").get(0).path("feasibleSpace")).put("min", 0.001);
        ObjectNode unknownField = planned.deepCopy();
        ((ObjectNode) unknownField.path("spec")).put("maxTrials", 3);
        ObjectNode unusedParameter = planned.deepCopy();
        ((ArrayNode) unusedParameter.path("spec").path("trialTemplate").path("trialParameters")).addObject()
                .put("name", "gamma").put("reference", "eta");
        ObjectNode badTrial = planned.deepCopy();
        ((ObjectNode) badTrial.path("spec").path("trialTemplate").path("trialSpec").path("spec").path("pytorchReplicaSpecs")
                .path("Master")).put("replicas", "one");

        assertThat(problems(numberAsNumber)).anyMatch(p -> p.contains("min"));
        assertThat(problems(unknownField)).anyMatch(p -> p.contains("maxTrials"));
        assertThat(problems(unusedParameter)).anyMatch(p -> p.contains("gamma"));
        assertThat(problems(badTrial)).anyMatch(p -> p.startsWith("PyTorchJob"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(JsonNode manifest) {
        return CrdSchemas.validate(JSON.convertValue(manifest, Map.class));
    }

    @Test
    void theTrialScriptsAreValidShellOnceKatibHasFilledThemIn() throws Exception {
        JsonNode job;
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            job = experiment(ml.plan(churn("shell").build())).path("spec").path("trialTemplate").path("trialSpec");
        }
        for (JsonNode init : job.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec")
                .path("initContainers")) {
            String script = init.path("command").get(2).asText().replace("${trialSpec.Name}", "shell-00000001")
                    .replace("${trialParameters.eta}", "0.01").replace("${trialParameters.max_depth}", "6")
                    .replace("${trialParameters.booster}", "dart");
            KubernetesTrainingTest.assertValidShell(script);
        }
    }

    @Test
    void whatKatibCannotDoIsRefusedBeforeAnyRequest() {
        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            MlProvider ml = k8s.provider();
            int before = k8s.cluster.server.getRequestCount();
            assertThatThrownBy(() -> ml.submit(churn("hb").strategy(Strategy.HYPERBAND).earlyStopping(false)
                    .hyperbandResources(HyperbandResources.of(1, 27)).maxParallelTrials(9).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.fields()).containsExactly("maxParallelTrials");
                        assertThat(e).hasMessageContaining("at least 27");
                    });
            TuningJobSpec noBudget = churn("hb").strategy(Strategy.HYPERBAND).earlyStopping(false)
                    .hyperbandResources(HyperbandResources.of(1, 3)).trainingTemplate(churn("x").build().trainingTemplate()
                            .toBuilder().hyperparameters(Map.of("lr", "0.1")).build()).build();
            assertThatThrownBy(() -> ml.plan(noBudget)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fields()).containsExactly("trainingTemplate.hyperparameters"));
            assertThatThrownBy(() -> ml.submit(churn("warm").warmStart(WarmStart.transferLearning("earlier")).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).isEqualTo("warm start"));
            assertThatThrownBy(() -> ml.submit(churn("rlog").parameter(Parameter.continuous("subsample", 0.5, 0.99,
                    Scaling.REVERSE_LOGARITHMIC)).build())).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e).hasMessageContaining("subsample"));

            TrainingJobSpec unnamedMetric = churn("x").build().trainingTemplate().toBuilder()
                    .metricDefinitions(List.of(MetricDefinition.of("validation:auc", "^([0-9.]+)$"))).build();
            TuningJobSpec everythingWrong = churn("Churn-Search")
                    .trainingTemplate(unnamedMetric).parameter(Parameter.categorical("objective", "reg:\"squared\"", "ok"))
                    .build();
            assertThatThrownBy(() -> ml.submit(everythingWrong)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.fields()).containsExactlyInAnyOrder("name", "parameters[3].values[0]",
                        "trainingTemplate.metricDefinitions[0].regex");
                assertThat(e).hasMessageContaining("literal text before its value group");
            });
            TrainingJobSpec lookahead = churn("x").build().trainingTemplate().toBuilder()
                    .metricDefinitions(List.of(MetricDefinition.of("validation:auc", "validation:auc=(?=\\d)([0-9.]+)"))).build();
            assertThatThrownBy(() -> ml.plan(churn("la").trainingTemplate(lookahead).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e).hasMessageContaining("RE2"));
            assertThatThrownBy(() -> ml.plan(churn("pipe").trainingTemplate(churn("x").build().trainingTemplate().toBuilder()
                    .instanceType("ml.x2iedn.xlarge").build()).build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("trainingTemplate.instanceType"));

            assertThat(k8s.cluster.server.getRequestCount()).as("nothing reached the API server").isEqualTo(before);
        }
    }

    @Test
    void stopCapsTheExperimentAndSuspendsTheRunningTrials() {
        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            MlProvider ml = k8s.provider();
            k8s.runsForever("halt-later");
            TuningJob job = ml.submit(tuning("halt-later", k8s).build());
            assertThatThrownBy(() -> job.awaitCompletion(Duration.ofMinutes(5))).isInstanceOf(WaitTimeoutException.class);
            assertThat(job.describe().trials()).hasSize(3).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrainingJobStatus.IN_PROGRESS));

            job.stop();

            GenericKubernetesResource experiment = k8s.cluster.client.genericKubernetesResources(KubernetesTuningBackend.EXPERIMENTS)
                    .inNamespace(KubernetesTrainingFixture.NAMESPACE).withName("halt-later").get();
            Map<String, Object> spec = experiment.get("spec");
            assertThat(spec).containsEntry("maxTrialCount", 3).containsEntry("parallelTrialCount", 3);
            assertThat(experiment.getMetadata().getAnnotations()).containsKey(KubernetesTuningBackend.STOPPED_AT);
            TuningResult result = job.awaitCompletion(Duration.ofHours(1));
            assertThat(result.status()).isEqualTo(TuningJobStatus.STOPPED);
            assertThat(result.trials()).hasSize(3).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrainingJobStatus.STOPPED));
            for (Trial trial : result.trials()) {
                TrainingJob trialJob = ml.get(TrainingJob.class, trial.trainingJobName()).orElseThrow();
                assertThat(trialJob.status()).isEqualTo(TrainingJobStatus.STOPPED);
            }
            job.stop();
            assertThat(job.status()).isEqualTo(TuningJobStatus.STOPPED);
        }
    }

    private static TuningJobSpec.Builder tuning(String name, KubernetesTuningFixture k8s) {
        return TuningJobSpec.builder().name(name).trainingTemplate(k8s.template(name, name).build())
                .objective(Objective.maximize("validation:auc"))
                .parameter(Parameter.continuous("eta", 0.001, 1.0, Scaling.LOGARITHMIC))
                .parameter(Parameter.integer("max_depth", 2, 10))
                .maxTrials(6).maxParallelTrials(3).randomSeed(11L);
    }

    @Test
    void eachTrialIsATrainingJobRunWithItsOwnHyperparametersAndMetrics() {
        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            MlProvider ml = k8s.provider();
            k8s.objective("traced", Duration.ofMinutes(10), hp -> Double.parseDouble(hp.get("max_depth")) / 10);

            TuningResult result = ml.submit(tuning("traced", k8s).build()).awaitCompletion(Duration.ofHours(6));

            assertThat(result.status()).isEqualTo(TuningJobStatus.COMPLETED);
            assertThat(result.trials()).hasSize(6);
            for (Trial trial : result.trials()) {
                GenericKubernetesResource job = k8s.cluster.client.genericKubernetesResources(KubeflowTestController.PYTORCH_JOBS)
                        .inNamespace(KubernetesTrainingFixture.NAMESPACE).withName(trial.trainingJobName()).get();
                JsonNode container = JSON.valueToTree(job.get("spec")).path("pytorchReplicaSpecs").path("Master").path("template")
                        .path("spec").path("containers").get(0);
                Map<String, String> env = new java.util.HashMap<>();
                container.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
                assertThat(env).as("Katib filled the template in").containsEntry("SM_HP_ETA", trial.hyperparameters().get("eta"))
                        .containsEntry("SM_HP_MAX_DEPTH", trial.hyperparameters().get("max_depth"))
                        .containsEntry("SM_CURRENT_HOST", "$(POD_NAME)");
                assertThat(env.get("SM_HOSTS")).isEqualTo("[\"" + trial.trainingJobName() + "-master-0\"]");
                TrainingJob trained = ml.get(TrainingJob.class, trial.trainingJobName()).orElseThrow();
                TrainingJobDescription description = trained.describe();
                assertThat(description.finalMetrics()).containsEntry("validation:auc", trial.objectiveValue());
                assertThat(trained.metricHistory()).isNotEmpty();
                assertThat(description.modelArtifactUri()).endsWith("/" + trial.trainingJobName() + "/output/model.tar.gz");
            }
            assertThat(result.best().orElseThrow().hyperparameters().get("max_depth")).isEqualTo(result.trials().stream()
                    .map(t -> t.hyperparameters().get("max_depth")).max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow());

            Trial best = result.best().orElseThrow();
            k8s.cluster.client.genericKubernetesResources(KubernetesTuningBackend.TRIALS).inNamespace(KubernetesTrainingFixture.NAMESPACE)
                    .withName(best.trainingJobName()).delete();
            TuningJob again = ml.get(TuningJob.class, "traced").orElseThrow();
            assertThat(again.bestTrial()).as("read back from currentOptimalTrial").contains(best);
            assertThat(again.describe().trials()).hasSize(6);
        }
    }

    @Test
    void aTuningJobFailsOnlyWhenEveryTrialFails() {
        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            k8s.katib.behaviour("doomed", hp -> new JobScript().failsAfter(Duration.ofMinutes(3), "OOMKilled").toBehavior());
            k8s.katib.behaviour("bumpy", hp -> Double.parseDouble(hp.get("eta")) < 0.03
                    ? new JobScript().failsAfter(Duration.ofMinutes(3), "diverged").toBehavior()
                    : new JobScript().completesAfter(Duration.ofMinutes(3)).withMetric("validation:auc", 0.8).toBehavior());

            TuningResult doomed = k8s.provider().submit(tuning("doomed", k8s).build()).awaitCompletion(Duration.ofHours(6));
            TuningResult bumpy = k8s.provider().submit(tuning("bumpy", k8s).build()).awaitCompletion(Duration.ofHours(6));

            assertThat(doomed.status()).isEqualTo(TuningJobStatus.FAILED);
            assertThat(doomed.failureReason()).contains("max failed count");
            assertThat(doomed.trials()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrainingJobStatus.FAILED));
            assertThat(bumpy.status()).isEqualTo(TuningJobStatus.COMPLETED);
            assertThat(bumpy.trials()).extracting(Trial::status).contains(TrainingJobStatus.FAILED, TrainingJobStatus.COMPLETED);
        }
    }

    @Test
    void metricRegexesBecomeCollectorFiltersNamedByTheMetricOrItsPrintedLabel() {
        assertThat(collected("validation:auc", "validation:auc=([0-9.]+)")).isEqualTo("validation:auc ~ (validation:auc)=([0-9.]+)");
        assertThat(collected("train.loss", "^train\\.loss: (\\S+)")).isEqualTo("train.loss ~ ^(train\\.loss): (\\S+)");
        assertThat(collected("loss", "(?:val_)?loss=([0-9.]+)")).isEqualTo("loss ~ (?:val_)?(loss)=([0-9.]+)");
        assertThat(collected("validation:auc", "validation-auc:([0-9\\.]+)")).as("SageMaker XGBoost's definition")
                .isEqualTo("validation-auc ~ (validation-auc):([0-9\\.]+)");
        assertThat(collected("epoch-time", "\\btook ([0-9]+)s")).isEqualTo("took ~ \\b(took) ([0-9]+)s");
        assertThat(collected("loss", "([0-9.]+) is the loss")).isEqualTo("-");
        assertThat(collected("auc", "^([0-9.]+)$")).isEqualTo("-");
        assertThat(KatibMetricsFormat.problem(MetricDefinition.of("auc", "^([0-9.]+)$"))).get().asString()
                .contains("literal text before its value group");
        assertThat(KatibMetricsFormat.problem(MetricDefinition.of("auc", "auc=(?<!-)([0-9.]+)"))).get().asString().contains("RE2");
        assertThat(KatibMetricsFormat.problem(MetricDefinition.of("auc", "auc=([0-9.]+)"))).isEmpty();
    }

    private static String collected(String name, String regex) {
        return KatibMetricsFormat.collected(MetricDefinition.of(name, regex)).map(c -> c.katibName() + " ~ " + c.filter()).orElse("-");
    }

    @Test
    void aMetricKatibKnowsByItsPrintedLabelKeepsItsOwnNameInTheSdk() {
        KubernetesTuningFixture k8s = new KubernetesTuningFixture();
        try (k8s) {
            k8s.katib.behaviour("xgb", hp -> {
                double auc = Double.parseDouble(hp.get("max_depth")) / 10;
                return new JobScript().completesAfter(Duration.ofMinutes(5))
                        .logLine("[0]\ttrain-auc:0.5\tvalidation-auc:0.5").logLine("[1]\ttrain-auc:0.99\tvalidation-auc:" + auc)
                        .toBehavior();
            });
            TrainingJobSpec template = k8s.template("xgb", "xgb").metricDefinitions(List.of(
                    MetricDefinition.of("validation:auc", "validation-auc:([0-9\\.]+)"),
                    MetricDefinition.of("train:auc", "train-auc:([0-9\\.]+)"))).build();
            TuningJob job = k8s.provider().submit(tuning("xgb", k8s).trainingTemplate(template).build());

            JsonNode e = JSON.valueToTree(k8s.cluster.client.genericKubernetesResources(KubernetesTuningBackend.EXPERIMENTS)
                    .inNamespace(KubernetesTrainingFixture.NAMESPACE).withName("xgb").get().get("spec"));
            assertThat(e.path("objective").path("objectiveMetricName").asText()).isEqualTo("validation-auc");
            assertThat(e.path("objective").path("additionalMetricNames").toString()).isEqualTo("[\"train-auc\"]");
            TuningResult result = job.awaitCompletion(Duration.ofHours(6));

            assertThat(job.describe().objective().metric()).isEqualTo("validation:auc");
            assertThat(result.trials()).hasSize(6).allSatisfy(t -> assertThat(t.objectiveValue())
                    .as("the final value, not the best").isEqualTo(Double.parseDouble(t.hyperparameters().get("max_depth")) / 10));
            assertThat(result.best().orElseThrow().objectiveValue()).isEqualTo(result.trials().stream()
                    .mapToDouble(Trial::objectiveValue).max().orElseThrow());
        }
    }
}
