package io.mlplane.training.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Plan;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.ValidationException;
import io.mlplane.core.kubernetes.InstanceResources;
import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.mock.JobScript;
import io.mlplane.training.Channel;
import io.mlplane.training.DataDistribution;
import io.mlplane.training.InputMode;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What is specific to Kubernetes: manifests, placement, the contract's scripts, deadlines, labels, refusals. */
class KubernetesTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "canary-k8s-secret-93";

    private static MlProvider offline(KubeflowApi api) {
        return MlProviders.kubernetes(KubernetesConfig.builder().namespace("ml").api(api).serviceAccount("trainer")
                .imagePullSecret("ecr").build());
    }

    static TrainingJobSpec.Builder spotJob(String name) {
        return TrainingJobSpec.builder().name(name).image("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:3")
                .entryPoint("python3", "/opt/ml/code/train.py").instanceType("ml.g5.12xlarge").instanceCount(3)
                .channel(Channel.builder().name("train").uri("s3://acme/churn/train/")
                        .distribution(DataDistribution.SHARDED_BY_S3_KEY).build())
                .channel(Channel.builder().name("validation").uri("pvc://datasets/churn/validation").build())
                .hyperparameter("epochs", 10).hyperparameter("lr", 0.01)
                .outputUri("s3://acme/churn/models/").maxRuntime(Duration.ofHours(2))
                .spot(Spot.builder().maxWait(Duration.ofHours(5)).checkpointUri("s3://acme/churn/ckpt/").build())
                .environment("MODE", "train").secretEnvironment("WANDB_API_KEY", SECRET);
    }

    private static JsonNode manifest(Plan plan, String kind) {
        for (PlannedRequest request : plan.requests()) {
            if (kind.equals(request.body().get("kind"))) {
                return JSON.valueToTree(request.body());
            }
        }
        throw new AssertionError("no " + kind + " in " + plan.toJson());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "<ref>"));
        return env;
    }

    @Test
    void planIsDeterministicNeedsNoClusterAndConformsToTheCrds() {
        Plan first;
        Plan second;
        try (MlProvider a = offline(KubeflowApi.TRAINING_OPERATOR_V1); MlProvider b = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            first = a.plan(spotJob("churn-spot").build());
            second = b.plan(spotJob("churn-spot").build());
        }

        assertThat(first.toJson()).isEqualTo(second.toJson());
        assertThat(first.toYaml()).isEqualTo(second.toYaml()).startsWith("---\n").contains("kind: PyTorchJob");
        assertThat(first.requests()).extracting(PlannedRequest::operation)
                .containsExactly("apply v1 ConfigMap", "apply v1 Secret", "apply kubeflow.org/v1 PyTorchJob");
        for (PlannedRequest request : first.requests()) {
            assertThat(CrdSchemas.validate(request.body())).as(request.operation()).isEmpty();
        }
        assertThat(first.toJson()).doesNotContain(SECRET);
        assertThat(first.toYaml()).doesNotContain(SECRET).contains("WANDB_API_KEY: '****'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCrdValidatorCatchesWhatTheSchemaForbids() {
        Map<String, Object> job;
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            job = asMap(manifest(ml.plan(spotJob("broken").build()), "PyTorchJob"));
        }
        Map<String, Object> master = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) job.get("spec"))
                .get("pytorchReplicaSpecs")).get("Master");
        master.put("replicas", "one");
        ((Map<String, Object>) job.get("spec")).remove("pytorchReplicaSpecs");
        ((Map<String, Object>) job.get("spec")).put("pytorchReplicaSpec", Map.of("Master", master));

        assertThat(CrdSchemas.validate(job)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("pytorchReplicaSpecs"));
        Map<String, Object> fixed = JSON.convertValue(job, Map.class);
        ((Map<String, Object>) fixed.get("spec")).put("pytorchReplicaSpecs", Map.of("Master", master));
        ((Map<String, Object>) fixed.get("spec")).remove("pytorchReplicaSpec");
        assertThat(CrdSchemas.validate(fixed)).singleElement()
                .satisfies(p -> assertThat(p).contains("replicas: string found, integer expected"));
    }

    @Test
    void trainerV2EmitsATrainJobThatConformsToItsCrd() {
        Plan plan;
        try (MlProvider v2 = offline(KubeflowApi.TRAINER_V2)) {
            plan = v2.plan(spotJob("churn-v2").build());
        }

        JsonNode job = manifest(plan, "TrainJob");
        assertThat(CrdSchemas.validate(asMap(job))).isEmpty();
        assertThat(job.path("spec").path("runtimeRef").path("name").asText()).isEqualTo("torch-distributed");
        assertThat(job.path("spec").path("trainer").path("numNodes").asInt()).isEqualTo(3);
        assertThat(job.path("spec").path("trainer").path("resourcesPerNode").path("limits").path("nvidia.com/gpu").asText()).isEqualTo("4");
        assertThat(job.path("spec").path("activeDeadlineSeconds").asLong()).isEqualTo(5 * 3600);
        JsonNode pod = job.path("spec").path("runtimePatches").get(0).path("trainingRuntimeSpec").path("template").path("spec")
                .path("replicatedJobs").get(0).path("template").path("spec").path("template").path("spec");
        assertThat(pod.path("nodeSelector").path("karpenter.sh/capacity-type").asText()).isEqualTo("spot");
        assertThat(pod.path("initContainers").findValuesAsText("name")).contains("mlplane-stage", "mlplane-deliver");
        assertThat(env(job.path("spec").path("trainer")).get("SM_HOSTS"))
                .isEqualTo("[\"churn-v2-node-0-0\",\"churn-v2-node-0-1\",\"churn-v2-node-0-2\"]");
    }

    @Test
    void instanceTypesBecomeResourcesAndNodeSelectorsIncludingGpus() {
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            JsonNode job = manifest(ml.plan(spotJob("gpu-job").instanceType("ml.p3.8xlarge").instanceCount(1).build()), "PyTorchJob");
            JsonNode master = job.path("spec").path("pytorchReplicaSpecs").path("Master");
            JsonNode pod = master.path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(container.path("name").asText()).isEqualTo("pytorch");
            assertThat(container.path("resources").path("limits").path("nvidia.com/gpu").asText()).isEqualTo("4");
            assertThat(container.path("resources").path("requests").path("cpu").asText()).isEqualTo("32");
            assertThat(pod.path("nodeSelector").path("node.kubernetes.io/instance-type").asText()).isEqualTo("p3.8xlarge");
            assertThat(env(container)).containsEntry("SM_NUM_GPUS", "4").containsEntry("SM_NUM_CPUS", "32");
            assertThat(job.path("spec").path("pytorchReplicaSpecs").has("Worker")).isFalse();
            JsonNode cpuOnly = manifest(ml.plan(spotJob("cpu-job").instanceType("ml.m5.xlarge").instanceCount(1).build()), "PyTorchJob");
            assertThat(cpuOnly.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec")
                    .path("containers").get(0).path("resources").path("limits").has("nvidia.com/gpu")).isFalse();
        }
        try (MlProvider custom = MlProviders.kubernetes(KubernetesConfig.builder()
                .instanceType("ml.trn1.32xlarge", new InstanceResources("128", "500Gi", 0, "trn1.32xlarge")).build())) {
            assertThat(custom.plan(spotJob("trainium").instanceType("ml.trn1.32xlarge").build()).toJson()).contains("trn1.32xlarge");
            assertThatThrownBy(() -> custom.plan(spotJob("unknown").instanceType("ml.x2iedn.xlarge").build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("instanceType"));
        }
        try (MlProvider perJob = MlProviders.kubernetes(KubernetesConfig.builder()
                .jobResources("big-memory", new InstanceResources("6", "200Gi", 1, "")).build())) {
            JsonNode pod = manifest(perJob.plan(spotJob("big-memory").instanceType("ml.x2iedn.xlarge").instanceCount(1).build()),
                    "PyTorchJob").path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec");
            JsonNode limits = pod.path("containers").get(0).path("resources").path("limits");
            assertThat(limits.path("memory").asText()).isEqualTo("200Gi");
            assertThat(limits.path("nvidia.com/gpu").asText()).isEqualTo("1");
            assertThat(pod.path("nodeSelector").has("node.kubernetes.io/instance-type")).as("no node type given").isFalse();
        }
    }

    @Test
    void multiNodeJobsGetAMasterAndWorkersThatKnowEachOther() throws IOException {
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            Plan plan = ml.plan(spotJob("multi").build());
            JsonNode replicas = manifest(plan, "PyTorchJob").path("spec").path("pytorchReplicaSpecs");
            assertThat(replicas.path("Master").path("replicas").asInt()).isEqualTo(1);
            assertThat(replicas.path("Worker").path("replicas").asInt()).isEqualTo(2);
            JsonNode container = replicas.path("Worker").path("template").path("spec").path("containers").get(0);
            Map<String, String> env = env(container);
            assertThat(env).containsEntry("SM_HOSTS", "[\"multi-master-0\",\"multi-worker-0\",\"multi-worker-1\"]")
                    .containsEntry("SM_CURRENT_HOST", "$(POD_NAME)").containsEntry("SM_CHANNEL_TRAIN", "/opt/ml/input/data/train")
                    .containsEntry("MODE", "train").containsEntry("WANDB_API_KEY", "<ref>");
            assertThat(container.path("env").get(0).path("name").asText()).as("POD_NAME first, for $(POD_NAME)").isEqualTo("POD_NAME");
            assertThat(container.path("command").toString()).isEqualTo("[\"python3\",\"/opt/ml/code/train.py\"]");
            assertThat(container.path("args").toString()).isEqualTo("[\"--epochs\",\"10\",\"--lr\",\"0.01\"]");
            JsonNode config = manifest(plan, "ConfigMap").path("data");
            assertThat(JSON.readTree(config.path("resourceconfig.json.template").asText()).path("hosts"))
                    .hasSize(3);
            assertThat(config.path("stage.sh").asText()).contains("'multi-worker-1') HOST_INDEX=2")
                    .contains("awk -v n=3").contains("cp -R '/mlplane/pvc/datasets/churn/validation/.'");
        }
    }

    @Test
    void theFrameworkTagChoosesTheJobKind() {
        try (KubernetesTrainingFixture k8s = new KubernetesTrainingFixture()) {
            for (String framework : List.of("xgboost", "tensorflow")) {
                String name = framework + "-job";
                k8s.completes(name, Duration.ofMinutes(20), Map.of("validation:auc", 0.8));
                TrainingJobSpec spec = k8s.spec(name).instanceCount(2).tag("mlplane.io/framework", framework).build();
                Plan plan = k8s.provider.plan(spec);
                JsonNode job = JSON.valueToTree(plan.requests().get(plan.requests().size() - 1).body());
                assertThat(CrdSchemas.validate(asMap(job))).isEmpty();

                TrainingResult result = k8s.provider.submit(spec).awaitCompletion(Duration.ofHours(2));

                assertThat(result.status()).isEqualTo(TrainingJobStatus.COMPLETED);
                assertThat(result.finalMetrics()).containsEntry("validation:auc", 0.8);
                if (framework.equals("xgboost")) {
                    assertThat(job.path("kind").asText()).isEqualTo("XGBoostJob");
                    JsonNode replicas = job.path("spec").path("xgbReplicaSpecs");
                    assertThat(replicas.path("Master").path("template").path("spec").path("containers").get(0).path("name").asText())
                            .isEqualTo("xgboost");
                    assertThat(replicas.path("Worker").path("replicas").asInt()).isEqualTo(1);
                } else {
                    assertThat(job.path("kind").asText()).isEqualTo("TFJob");
                    JsonNode chief = job.path("spec").path("tfReplicaSpecs").path("Chief");
                    assertThat(chief.path("template").path("spec").path("containers").get(0).path("name").asText()).isEqualTo("tensorflow");
                    assertThat(env(chief.path("template").path("spec").path("containers").get(0)))
                            .containsEntry("SM_HOSTS", "[\"tensorflow-job-chief-0\",\"tensorflow-job-worker-0\"]");
                }
            }
            assertThat(k8s.provider.list(TrainingJob.class)).extracting(TrainingJob::name).contains("xgboost-job", "tensorflow-job");
            assertThatThrownBy(() -> k8s.provider.plan(k8s.spec("odd").tag("mlplane.io/framework", "caffe").build()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.fields()).containsExactly("tags['mlplane.io/framework']"));
        }
        try (MlProvider v2 = offline(KubeflowApi.TRAINER_V2)) {
            assertThat(manifest(v2.plan(spotJob("xgb-v2").tag("mlplane.io/framework", "xgboost").build()), "TrainJob")
                    .path("spec").path("runtimeRef").path("name").asText()).isEqualTo("xgboost-distributed");
            assertThatThrownBy(() -> v2.plan(spotJob("tf-v2").tag("mlplane.io/framework", "tensorflow").build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e).hasMessageContaining("TFJob"));
        }
    }

    @Test
    void theImageItselfRunsWithTrainAsSageMakerRunsCustomImages() {
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            JsonNode container = manifest(ml.plan(spotJob("image-only").entryPoint(List.of()).build()), "PyTorchJob")
                    .path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec").path("containers").get(0);
            assertThat(container.has("command")).isFalse();
            assertThat(container.path("args").toString()).isEqualTo("[\"train\"]");
        }
    }

    @Test
    void spotJobsArePlacedOnSpotCapacityRestartAndKeepCheckpoints() {
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            Plan plan = ml.plan(spotJob("spotty").build());
            JsonNode job = manifest(plan, "PyTorchJob");
            JsonNode master = job.path("spec").path("pytorchReplicaSpecs").path("Master");
            JsonNode pod = master.path("template").path("spec");
            assertThat(master.path("restartPolicy").asText()).isEqualTo("OnFailure");
            assertThat(job.path("spec").path("runPolicy").path("backoffLimit").asInt()).isEqualTo(10);
            assertThat(job.path("spec").path("runPolicy").path("activeDeadlineSeconds").asLong()).isEqualTo(5 * 3600);
            assertThat(pod.path("nodeSelector").path("karpenter.sh/capacity-type").asText()).isEqualTo("spot");
            assertThat(pod.path("tolerations").findValuesAsText("key"))
                    .containsExactly("karpenter.sh/capacity-type", "eks.amazonaws.com/capacityType");
            assertThat(pod.path("containers").get(0).path("volumeMounts").findValuesAsText("mountPath")).contains("/opt/ml/checkpoints");
            JsonNode config = manifest(plan, "ConfigMap").path("data");
            assertThat(config.path("stage.sh").asText()).contains("aws s3 sync --only-show-errors 's3://acme/churn/ckpt/' '/opt/ml/checkpoints/'");
            assertThat(config.path("deliver.sh").asText()).contains("aws s3 sync --only-show-errors '/opt/ml/checkpoints/' 's3://acme/churn/ckpt/'")
                    .contains("aws s3 cp --only-show-errors /tmp/model.tar.gz 's3://acme/churn/models/spotty/output/model.tar.gz'");
            assertThat(pod.path("initContainers").get(1).path("restartPolicy").asText()).as("native sidecar").isEqualTo("Always");

            JsonNode onClaim = manifest(ml.plan(spotJob("on-claim").spot(Spot.builder().maxWait(Duration.ofHours(5))
                    .checkpointUri("pvc://checkpoints/churn").checkpointLocalPath("/ckpt").build()).build()), "PyTorchJob");
            JsonNode claimPod = onClaim.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec");
            assertThat(claimPod.path("volumes").findValuesAsText("claimName")).contains("checkpoints", "datasets");
            JsonNode mount = null;
            for (JsonNode m : claimPod.path("containers").get(0).path("volumeMounts")) {
                if (m.path("mountPath").asText().equals("/ckpt")) {
                    mount = m;
                }
            }
            assertThat(mount).isNotNull();
            assertThat(mount.path("name").asText()).isEqualTo("pvc-checkpoints");
            assertThat(mount.path("subPath").asText()).isEqualTo("churn");
            JsonNode onDemand = manifest(ml.plan(spotJob("on-demand").spot(null).build()), "PyTorchJob");
            assertThat(onDemand.path("spec").path("runPolicy").path("activeDeadlineSeconds").asLong()).isEqualTo(2 * 3600);
            assertThat(onDemand.path("spec").path("pytorchReplicaSpecs").path("Master").path("template").path("spec").has("tolerations")).isFalse();
        }
    }

    @Test
    void theContractScriptsAreValidShell() throws Exception {
        List<String> scripts = new ArrayList<>();
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            for (TrainingJobSpec spec : List.of(spotJob("a").build(), spotJob("b").spot(null).instanceCount(1).build(),
                    spotJob("c").outputUri("pvc://models/out").build())) {
                JsonNode data = manifest(ml.plan(spec), "ConfigMap").path("data");
                scripts.add(data.path("stage.sh").asText());
                scripts.add(data.path("deliver.sh").asText());
            }
        }
        for (String script : scripts) {
            assertValidShell(script);
        }
    }

    /** {@code sh -n} accepts {@code script}. */
    static void assertValidShell(String script) throws Exception {
        Path file = Files.createTempFile("mlplane", ".sh");
        Files.writeString(file, script);
        Process sh = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes());
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as("sh -n:%n%s%n%s", output, script).isZero();
        Files.delete(file);
    }

    @Test
    void pipeFastFileAndJavaAlgorithmsAreRefusedWithAlternatives() {
        try (MlProvider ml = offline(KubeflowApi.TRAINING_OPERATOR_V1)) {
            TrainingJobSpec pipe = spotJob("piped").channel(Channel.builder().name("stream").uri("s3://acme/stream/")
                    .inputMode(InputMode.PIPE).build()).build();
            assertThatThrownBy(() -> ml.plan(pipe)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                assertThat(e.feature()).isEqualTo("PIPE_MODE");
                assertThat(e).hasMessageContaining("pvc://").hasMessageContaining("sagemaker backend");
            });
            assertThatThrownBy(() -> ml.plan(spotJob("fast").inputMode(InputMode.FAST_FILE).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).isEqualTo("FAST_FILE_MODE"));
            assertThatThrownBy(() -> ml.plan(spotJob("java").algorithm(ctx -> { }).build()))
                    .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e).hasMessageContaining("image(...)"));
            assertThatThrownBy(() -> ml.plan(spotJob("Upper-Case").outputUri("file:///tmp/x").build()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("name", "outputUri"));
        }
    }

    @Test
    void deadlineExceededIsAStopAtTheMaxRuntime() {
        try (KubernetesTrainingFixture k8s = new KubernetesTrainingFixture()) {
            k8s.controller.script("overrun", new JobScript().staysInProgress().toBehavior());
            TrainingJob job = k8s.provider.submit(k8s.spec("overrun").maxRuntime(Duration.ofHours(1)).build());

            TrainingResult result = job.awaitCompletion(Duration.ofHours(3));

            assertThat(result.status()).isEqualTo(TrainingJobStatus.STOPPED);
            assertThat(result.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        }
    }

    @Test
    void everyObjectIsLabelledSoOneSelectorFindsAndRemovesThemAll() {
        try (KubernetesTrainingFixture k8s = new KubernetesTrainingFixture()) {
            TrainingJob job = k8s.provider.submit(spotJob("labelled").instanceType("ml.m5.xlarge").build());
            var client = k8s.client;
            String selector = TrainingManifests.JOB_LABEL;

            assertThat(client.configMaps().inNamespace("ml").withLabel(selector, "labelled").list().getItems()).hasSize(1);
            assertThat(client.secrets().inNamespace("ml").withLabel(selector, "labelled").list().getItems()).singleElement()
                    .satisfies(s -> assertThat(s.getStringData() != null ? s.getStringData().get("WANDB_API_KEY")
                            : new String(java.util.Base64.getDecoder().decode(s.getData().get("WANDB_API_KEY")))).isEqualTo(SECRET));
            GenericKubernetesResource stored = client.genericKubernetesResources(KubeflowTestController.PYTORCH_JOBS)
                    .inNamespace("ml").withName("labelled").get();
            assertThat(stored.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "mlplane");
            assertThat(stored.getMetadata().getAnnotations()).containsKey(TrainingManifests.HASH);
            job.stop();
            assertThat(((Map<?, ?>) ((Map<?, ?>) client.genericKubernetesResources(KubeflowTestController.PYTORCH_JOBS)
                    .inNamespace("ml").withName("labelled").get().get("spec")).get("runPolicy")).get("suspend")).isEqualTo(true);
            assertThat(job.status()).isEqualTo(TrainingJobStatus.STOPPING);

            client.configMaps().inNamespace("ml").withLabel(selector, "labelled").delete();
            client.secrets().inNamespace("ml").withLabel(selector, "labelled").delete();
            client.genericKubernetesResources(KubeflowTestController.PYTORCH_JOBS).inNamespace("ml").withLabel(selector, "labelled").delete();

            assertThat(k8s.provider.list(TrainingJob.class)).extracting(TrainingJob::name).doesNotContain("labelled");
            assertThat(client.configMaps().inNamespace("ml").withLabel(selector, "labelled").list().getItems()).isEmpty();
            assertThat(client.secrets().inNamespace("ml").withLabel(selector, "labelled").list().getItems()).isEmpty();
        }
    }
}
