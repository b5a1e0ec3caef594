package io.mlplane.training.kubernetes;

import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.kubernetes.InstanceResources;
import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.kubernetes.Toleration;
import io.mlplane.core.spi.PlanBodies;
import io.mlplane.training.Channel;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.Spot;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.internal.ToolkitEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The manifests a training job becomes, in the order they are applied: the ConfigMap with the container
 * contract's files and scripts, a Secret for secret environment variables (if any), and the Kubeflow job.
 * Plain ordered maps, so that a plan shows exactly what is applied; secret values are
 * {@link io.mlplane.core.Secret}s.
 */
final class TrainingManifests {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MLPLANE = "mlplane";
    static final String JOB_LABEL = "mlplane.io/training-job";
    static final String HASH = "mlplane.io/spec-hash";
    static final String METRICS = "mlplane.io/metric-definitions";
    static final String ARTIFACT = "mlplane.io/model-artifact";
    static final String SPOT = "mlplane.io/spot";
    static final String PATCH_MANAGER = "mlplane.io/sdk";

    private final KubernetesConfig config;

    TrainingManifests(KubernetesConfig config) {
        this.config = config;
    }

    /** The planned request that applies {@code manifest}, named after its API version and kind. */
    static PlannedRequest apply(Map<String, Object> manifest) {
        return new PlannedRequest("kubernetes", "apply " + manifest.get("apiVersion") + " " + manifest.get("kind"), manifest);
    }

    static String configMapName(String job) {
        return job + "-mlplane";
    }

    static String secretName(String job) {
        return job + "-mlplane-env";
    }

    /** The pods' names, which serve as the SageMaker hosts and resolve inside the cluster. */
    static List<String> hosts(KubeflowApi api, TrainingJobSpec spec) {
        if (api == KubeflowApi.TRAINER_V2) {
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < spec.instanceCount(); i++) {
                hosts.add(spec.name() + "-node-0-" + i);
            }
            return hosts;
        }
        return KubeflowJobKind.of(spec).hosts(spec.name(), spec.instanceCount());
    }

    /** The Trainer v2 runtime for the spec's framework. */
    String trainerRuntime(TrainingJobSpec spec) {
        return KubeflowJobKind.of(spec) == KubeflowJobKind.XGBOOST ? "xgboost-distributed" : config.trainerRuntime();
    }

    /**
     * How a job is packaged: on its own (contract files in its ConfigMap, secrets in its Secret), or as a
     * trial template, which must be one self-contained object (contract files inline in the staging script,
     * secrets in the tuning job's Secret).
     */
    private record Packaging(String secretName, Map<String, String> inlineFiles) {

        static Packaging standalone(TrainingJobSpec spec) {
            return new Packaging(TrainingManifests.secretName(spec.name()), Map.of());
        }

        boolean inline() {
            return !inlineFiles.isEmpty();
        }
    }

    /** ConfigMap, optional Secret, job; {@code hash} identifies the spec. */
    List<Map<String, Object>> build(TrainingJobSpec spec, String hash) {
        List<String> hosts = hosts(config.api(), spec);
        List<Map<String, Object>> manifests = new ArrayList<>();
        manifests.add(configMap(spec, hosts));
        if (spec.environment().stream().anyMatch(EnvironmentVariable::secret)) {
            manifests.add(secret(spec, secretName(spec.name())));
        }
        manifests.add(job(spec, hash, hosts, Packaging.standalone(spec)));
        return manifests;
    }

    /**
     * The Kubeflow job alone, self-contained, as a trial template: the contract files travel inside the
     * staging script and secret variables come from {@code secretName}.
     */
    Map<String, Object> trialJob(TrainingJobSpec spec, String hash, String secretName) {
        List<String> hosts = hosts(config.api(), spec);
        return job(spec, hash, hosts, new Packaging(secretName, contractFiles(spec, hosts)));
    }

    /** The Secret holding the spec's secret variables, named {@code name}. */
    Map<String, Object> secret(TrainingJobSpec spec, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        spec.environment().stream().filter(EnvironmentVariable::secret).forEach(v -> values.put(v.name(), v.planValue()));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", "v1");
        map.put("kind", "Secret");
        map.put("metadata", metadata(name, spec, Map.of()));
        map.put("type", "Opaque");
        map.put("stringData", values);
        return map;
    }

    private Map<String, Object> job(TrainingJobSpec spec, String hash, List<String> hosts, Packaging packaging) {
        return config.api() == KubeflowApi.TRAINER_V2 ? trainJob(spec, hash, hosts, packaging)
                : operatorJob(KubeflowJobKind.of(spec), spec, hash, hosts, packaging);
    }

    private Map<String, Object> metadata(String name, TrainingJobSpec spec, Map<String, String> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", config.namespace());
        metadata.put("labels", labels(spec));
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        return metadata;
    }

    private static Map<String, String> labels(TrainingJobSpec spec) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MLPLANE);
        labels.put(JOB_LABEL, spec.name());
        return labels;
    }

    /** The SageMaker contract's configuration files (the resource configuration as a per-host template). */
    private Map<String, String> contractFiles(TrainingJobSpec spec, List<String> hosts) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hyperparameters.json", ToolkitEnvironment.json(spec.hyperparameters()));
        files.put("inputdataconfig.json", ToolkitEnvironment.json(ToolkitEnvironment.inputDataConfig(spec)));
        files.put("resourceconfig.json.template", ToolkitEnvironment.json(toolkit(spec, hosts, "@CURRENT_HOST@").resourceConfig(spec)));
        return files;
    }

    private Map<String, Object> configMap(TrainingJobSpec spec, List<String> hosts) {
        Map<String, Object> data = new LinkedHashMap<>(contractFiles(spec, hosts));
        data.put("stage.sh", StagingScripts.stage(spec, hosts));
        data.put("deliver.sh", StagingScripts.deliver(spec, hosts));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        map.put("metadata", metadata(configMapName(spec.name()), spec, Map.of()));
        map.put("data", data);
        return map;
    }

    private Map<String, String> annotations(TrainingJobSpec spec, String hash) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(HASH, hash);
        annotations.put(ARTIFACT, StagingScripts.artifactUri(spec));
        annotations.put(SPOT, Boolean.toString(spec.spotEnabled()));
        if (!spec.metricDefinitions().isEmpty()) {
            List<Map<String, Object>> definitions = new ArrayList<>();
            for (MetricDefinition d : spec.metricDefinitions()) {
                definitions.add(PlanBodies.map("name", d.name(), "regex", d.regex()));
            }
            annotations.put(METRICS, ToolkitEnvironment.json(definitions));
        }
        return annotations;
    }

    private long deadlineSeconds(TrainingJobSpec spec) {
        Spot spot = spec.spot();
        return spot != null ? spot.maxWait().toSeconds() : spec.maxRuntime().toSeconds();
    }

    private Map<String, Object> operatorJob(KubeflowJobKind kind, TrainingJobSpec spec, String hash, List<String> hosts,
            Packaging packaging) {
        Map<String, Object> runPolicy = new LinkedHashMap<>();
        runPolicy.put("cleanPodPolicy", "None");
        runPolicy.put("backoffLimit", config.backoffLimit());
        runPolicy.put("activeDeadlineSeconds", deadlineSeconds(spec));
        runPolicy.put("suspend", false);
        Map<String, Object> replicas = new LinkedHashMap<>();
        replicas.put(kind.leadRole, replica(kind, spec, hosts, 1, packaging));
        if (spec.instanceCount() > 1) {
            replicas.put("Worker", replica(kind, spec, hosts, spec.instanceCount() - 1, packaging));
        }
        Map<String, Object> jobSpec = new LinkedHashMap<>();
        jobSpec.put("runPolicy", runPolicy);
        jobSpec.put(kind.replicaSpecs, replicas);
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "kubeflow.org/v1");
        job.put("kind", kind.kind);
        job.put("metadata", metadata(spec.name(), spec, annotations(spec, hash)));
        job.put("spec", jobSpec);
        return job;
    }

    private Map<String, Object> replica(KubeflowJobKind kind, TrainingJobSpec spec, List<String> hosts, int count,
            Packaging packaging) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Map.of("labels", labels(spec)));
        Map<String, Object> pod = podSpec(spec, hosts, packaging);
        pod.put("containers", List.of(trainingContainer(spec, hosts, kind.container, true, packaging)));
        template.put("spec", pod);
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("replicas", count);
        replica.put("restartPolicy", "OnFailure");
        replica.put("template", template);
        return replica;
    }

    private Map<String, Object> trainJob(TrainingJobSpec spec, String hash, List<String> hosts, Packaging packaging) {
        Map<String, Object> main = trainingContainer(spec, hosts, "node", true, packaging);
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("image", spec.image());
        if (main.containsKey("command")) {
            trainer.put("command", main.get("command"));
        }
        trainer.put("args", main.get("args"));
        trainer.put("env", main.get("env"));
        trainer.put("numNodes", spec.instanceCount());
        trainer.put("resourcesPerNode", main.get("resources"));
        Map<String, Object> pod = podSpec(spec, hosts, packaging);
        pod.put("containers", List.of(PlanBodies.map("name", "node", "volumeMounts", main.get("volumeMounts"))));
        Map<String, Object> podTemplate = Map.of("spec", pod);
        Map<String, Object> nodeJob = new LinkedHashMap<>();
        nodeJob.put("name", "node");
        nodeJob.put("template", Map.of("spec", Map.of("template", podTemplate)));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("manager", PATCH_MANAGER);
        patch.put("trainingRuntimeSpec", Map.of("template", Map.of("spec", Map.of("replicatedJobs", List.of(nodeJob)))));
        Map<String, Object> jobSpec = new LinkedHashMap<>();
        jobSpec.put("runtimeRef", Map.of("name", trainerRuntime(spec)));
        jobSpec.put("suspend", false);
        jobSpec.put("activeDeadlineSeconds", deadlineSeconds(spec));
        jobSpec.put("trainer", trainer);
        jobSpec.put("runtimePatches", List.of(patch));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("apiVersion", "trainer.kubeflow.org/v1alpha1");
        job.put("kind", "TrainJob");
        job.put("metadata", metadata(spec.name(), spec, annotations(spec, hash)));
        job.put("spec", jobSpec);
        return job;
    }

    private ToolkitEnvironment toolkit(TrainingJobSpec spec, List<String> hosts, String currentHost) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (Channel channel : spec.channels()) {
            channels.put(channel.name(), StagingScripts.OPT_ML + "/input/data/" + channel.name());
        }
        String checkpoints = spec.spot() != null ? spec.spot().checkpointLocalPath() : StagingScripts.OPT_ML + "/checkpoints";
        return new ToolkitEnvironment(StagingScripts.OPT_ML, channels, hosts, currentHost, checkpoints, "/opt/ml/code");
    }

    /** The pod spec every replica shares: placement, volumes and the two contract containers. */
    private Map<String, Object> podSpec(TrainingJobSpec spec, List<String> hosts, Packaging packaging) {
        Map<String, Object> pod = new LinkedHashMap<>();
        if (config.serviceAccount() != null) {
            pod.put("serviceAccountName", config.serviceAccount());
        }
        if (!config.imagePullSecrets().isEmpty()) {
            pod.put("imagePullSecrets", config.imagePullSecrets().stream().map(s -> Map.of("name", s)).toList());
        }
        InstanceResources resources = resources(spec);
        Map<String, String> nodeSelector = new LinkedHashMap<>();
        if (!resources.nodeType().isEmpty()) {
            nodeSelector.put(config.instanceTypeLabel(), resources.nodeType());
        }
        if (spec.spotEnabled()) {
            nodeSelector.putAll(config.spotNodeSelector());
            pod.put("tolerations", config.spotTolerations().stream().map(TrainingManifests::toleration).toList());
        }
        if (!nodeSelector.isEmpty()) {
            pod.put("nodeSelector", nodeSelector);
        }
        pod.put("initContainers", List.of(
                stagingContainer(spec, "mlplane-stage", "stage.sh", packaging.inline()
                        ? StagingScripts.stageInline(spec, hosts, packaging.inlineFiles()) : null, false, packaging),
                stagingContainer(spec, "mlplane-deliver", "deliver.sh", packaging.inline()
                        ? StagingScripts.deliver(spec, hosts) : null, true, packaging)));
        pod.put("volumes", volumes(spec, packaging));
        return pod;
    }

    private static Map<String, Object> toleration(Toleration t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", t.key());
        map.put("operator", t.operator());
        if (t.value() != null) {
            map.put("value", t.value());
        }
        if (t.effect() != null) {
            map.put("effect", t.effect());
        }
        return map;
    }

    /** The job's own resources if the configuration names them, else those of its instance type. */
    InstanceResources resources(TrainingJobSpec spec) {
        InstanceResources own = config.jobResources().get(spec.name());
        return own != null ? own : config.instanceTypes().get(spec.instanceType());
    }

    private List<Map<String, Object>> volumes(TrainingJobSpec spec, Packaging packaging) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        if (!packaging.inline()) {
            volumes.add(PlanBodies.map("name", "mlplane-config", "configMap", Map.of("name", configMapName(spec.name()))));
        }
        for (String name : List.of("ml-input", "ml-model", "ml-output", "ml-checkpoints")) {
            volumes.add(PlanBodies.map("name", name, "emptyDir", Map.of()));
        }
        for (String claim : claims(spec)) {
            volumes.add(PlanBodies.map("name", claimVolume(claim), "persistentVolumeClaim", Map.of("claimName", claim)));
        }
        return volumes;
    }

    /** The claims of every {@code pvc://} URI of the spec, in a stable order. */
    private static Set<String> claims(TrainingJobSpec spec) {
        Set<String> claims = new LinkedHashSet<>();
        List<String> uris = new ArrayList<>();
        spec.channels().forEach(c -> uris.add(c.uri()));
        uris.add(spec.outputUri());
        if (spec.spot() != null) {
            uris.add(spec.spot().checkpointUri());
        }
        uris.stream().filter(u -> u.startsWith("pvc://")).forEach(u -> claims.add(StagingScripts.claim(u)));
        return claims;
    }

    private static String claimVolume(String claim) {
        String name = "pvc-" + claim;
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    private List<Map<String, Object>> contractMounts(TrainingJobSpec spec, boolean staging, Packaging packaging) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        mounts.add(PlanBodies.map("name", "ml-input", "mountPath", StagingScripts.OPT_ML + "/input"));
        mounts.add(PlanBodies.map("name", "ml-model", "mountPath", StagingScripts.OPT_ML + "/model"));
        mounts.add(PlanBodies.map("name", "ml-output", "mountPath", StagingScripts.OPT_ML + "/output"));
        Spot spot = spec.spot();
        String checkpointPath = spot != null ? spot.checkpointLocalPath() : StagingScripts.OPT_ML + "/checkpoints";
        if (spot != null && spot.checkpointUri().startsWith("pvc://")) {
            String rest = StagingScripts.pvcPath(spot.checkpointUri()).substring(StagingScripts.PVC_ROOT.length() + 1);
            String subPath = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("name", claimVolume(StagingScripts.claim(spot.checkpointUri())));
            mount.put("mountPath", checkpointPath);
            if (!subPath.isEmpty()) {
                mount.put("subPath", subPath);
            }
            mounts.add(mount);
        } else {
            mounts.add(PlanBodies.map("name", "ml-checkpoints", "mountPath", checkpointPath));
        }
        if (staging) {
            if (!packaging.inline()) {
                mounts.add(PlanBodies.map("name", "mlplane-config", "mountPath", StagingScripts.CONFIG_MAP_DIR, "readOnly", true));
            }
            for (String claim : claims(spec)) {
                mounts.add(PlanBodies.map("name", claimVolume(claim), "mountPath", StagingScripts.PVC_ROOT + "/" + claim));
            }
        }
        return mounts;
    }

    private static Map<String, Object> podNameVariable() {
        return PlanBodies.map("name", "POD_NAME", "valueFrom", Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
    }

    /** A staging container running {@code script} from the ConfigMap, or {@code inlineScript} if given. */
    private Map<String, Object> stagingContainer(TrainingJobSpec spec, String name, String script,
            @Nullable String inlineScript, boolean sidecar, Packaging packaging) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", config.dataLoaderImage());
        container.put("command", inlineScript != null ? List.of("sh", "-c", inlineScript)
                : List.of("sh", StagingScripts.CONFIG_MAP_DIR + "/" + script));
        if (sidecar) {
            container.put("restartPolicy", "Always");
        }
        container.put("env", List.of(podNameVariable()));
        if (config.s3CredentialsSecret() != null) {
            container.put("envFrom", List.of(Map.of("secretRef", Map.of("name", config.s3CredentialsSecret()))));
        }
        container.put("volumeMounts", contractMounts(spec, true, packaging));
        return container;
    }

    private Map<String, Object> trainingContainer(TrainingJobSpec spec, List<String> hosts, String name, boolean withEnv,
            Packaging packaging) {
        InstanceResources resources = resources(spec);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", spec.image());
        if (!spec.entryPoint().isEmpty()) {
            container.put("command", spec.entryPoint());
            container.put("args", ToolkitEnvironment.arguments(spec));
        } else {
            container.put("args", List.of("train"));
        }
        if (withEnv) {
            List<Map<String, Object>> env = new ArrayList<>();
            env.add(podNameVariable());
            Map<String, String> variables = toolkit(spec, hosts, "$(POD_NAME)").variables(spec, false);
            variables.put("SM_NUM_CPUS", resources.cpu());
            variables.put("SM_NUM_GPUS", Integer.toString(resources.gpus()));
            variables.put("SM_NETWORK_INTERFACE_NAME", "eth0");
            variables.forEach((k, v) -> env.add(PlanBodies.map("name", k, "value", v)));
            spec.environment().stream().filter(EnvironmentVariable::secret).forEach(v -> env.add(PlanBodies.map("name", v.name(),
                    "valueFrom", Map.of("secretKeyRef", PlanBodies.map("name", packaging.secretName(), "key", v.name())))));
            container.put("env", env);
        }
        Map<String, Object> amounts = new LinkedHashMap<>();
        amounts.put("cpu", resources.cpu());
        amounts.put("memory", resources.memory());
        if (resources.gpus() > 0) {
            amounts.put("nvidia.com/gpu", Integer.toString(resources.gpus()));
        }
        container.put("resources", PlanBodies.map("requests", amounts, "limits", amounts));
        container.put("volumeMounts", contractMounts(spec, false, packaging));
        return container;
    }
}
