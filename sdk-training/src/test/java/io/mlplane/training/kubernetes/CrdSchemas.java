package io.mlplane.training.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlplane.core.testing.SharedSpecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates manifests against the {@code openAPIV3Schema} of the upstream CRDs in {@code ../shared/specs/k8s}
 * (with networknt's JSON Schema validator), and core kinds by reading them into fabric8's typed model without
 * leftovers.
 */
public final class CrdSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization SERIALIZATION =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, String> FILES = Map.of(
            "PyTorchJob", "k8s/training-operator/kubeflow.org_pytorchjobs.yaml",
            "XGBoostJob", "k8s/training-operator/kubeflow.org_xgboostjobs.yaml",
            "TFJob", "k8s/training-operator/kubeflow.org_tfjobs.yaml",
            "TrainJob", "k8s/trainer/trainer.kubeflow.org_trainjobs.yaml",
            "Experiment", "k8s/katib/experiment.yaml");
    private static final JsonSchema KATIB_EXPERIMENT = katibExperiment();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{trialParameters\\.([^}]+)}");

    /**
     * JSON Schema draft 4 plus the Kubernetes extensions as known, non-validating keywords. The CEL rules in
     * {@code x-kubernetes-validations} are not evaluated; everything else of the schema is.
     */
    private static final JsonSchemaFactory FACTORY = factory();

    private static JsonSchemaFactory factory() {
        JsonMetaSchema kubernetes = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keywords(List.of("x-kubernetes-int-or-string", "x-kubernetes-list-type", "x-kubernetes-map-type",
                        "x-kubernetes-list-map-keys", "x-kubernetes-validations", "x-kubernetes-preserve-unknown-fields",
                        "x-kubernetes-embedded-resource").stream().map(NonValidationKeyword::new).toList())
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)).metaSchema(kubernetes)
                .defaultMetaSchemaIri(kubernetes.getIri()).build();
    }

    private CrdSchemas() {
    }

    /** Katib's CRD has no schema; this one is written from Katib's Go types (see the file's comment). */
    private static JsonSchema katibExperiment() {
        try (var in = CrdSchemas.class.getResourceAsStream("/katib/experiment-v1beta1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            Path file = SharedSpecs.require().resolve(FILES.get(k));
            try {
                JsonNode crd = YAML.readTree(file.toFile());
                JsonNode schema = crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
                return FACTORY.getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Schema problems of one manifest, each prefixed with its kind and name. */
    public static List<String> validate(Map<String, Object> manifest) {
        String kind = String.valueOf(manifest.get("kind"));
        JsonNode node = JSON.valueToTree(io.mlplane.core.spi.PlanBodies.revealed(manifest));
        List<String> problems = new ArrayList<>();
        String name = node.path("metadata").path("name").asText();
        switch (kind) {
            case "PyTorchJob", "XGBoostJob", "TFJob", "TrainJob" -> {
                for (ValidationMessage message : schema(kind).validate(node)) {
                    problems.add(kind + " " + name + ": " + message.getMessage());
                }
            }
            case "Experiment" -> {
                for (ValidationMessage message : schema(kind).validate(node)) {
                    problems.add(kind + " " + name + ": " + message.getMessage());
                }
                for (ValidationMessage message : KATIB_EXPERIMENT.validate(node)) {
                    problems.add(kind + " " + name + " (Katib v1beta1 types): " + message.getMessage());
                }
                if (problems.isEmpty()) {
                    problems.addAll(algorithmSettings(node));
                    problems.addAll(trialTemplate(node));
                }
            }
            case "ConfigMap" -> typed(node, ConfigMap.class, problems);
            case "Secret" -> typed(node, Secret.class, problems);
            default -> problems.add("unexpected kind " + kind);
        }
        return problems;
    }

    /** What Katib's suggestion services check of their settings (ValidateAlgorithmSettings), for hyperband. */
    private static List<String> algorithmSettings(JsonNode experiment) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = experiment.path("spec");
        if (!"hyperband".equals(spec.path("algorithm").path("algorithmName").asText())) {
            return problems;
        }
        Map<String, String> settings = new java.util.HashMap<>();
        spec.path("algorithm").path("algorithmSettings").forEach(s -> settings.put(s.path("name").asText(), s.path("value").asText()));
        String name = "Experiment " + experiment.path("metadata").path("name").asText() + ": hyperband ";
        if (!settings.containsKey("r_l") || !settings.containsKey("resource_name")) {
            problems.add(name + "r_l and resource_name must be set");
            return problems;
        }
        double rl = Double.parseDouble(settings.get("r_l"));
        int eta = settings.containsKey("eta") ? (int) Double.parseDouble(settings.get("eta")) : 3;
        int maxParallel = (int) Math.ceil(Math.pow(eta, (int) (Math.log(rl) / Math.log(eta))));
        if (spec.path("parallelTrialCount").asInt(3) < maxParallel) {
            problems.add(name + "parallelTrialCount must be not less than " + maxParallel);
        }
        if (spec.path("parameters").findValuesAsText("name").stream().noneMatch(settings.get("resource_name")::equals)) {
            problems.add(name + "value of resource_name setting must be in parameters");
        }
        return problems;
    }

    /**
     * Checks an experiment's trial template as Katib's webhook and controller use it: every trial parameter
     * references a search-space parameter and appears in the trial spec, no other placeholder is left, and the
     * trial spec with sample values substituted (Katib replaces placeholders textually) is valid for its own CRD.
     */
    @SuppressWarnings("unchecked")
    private static List<String> trialTemplate(JsonNode experiment) {
        List<String> problems = new ArrayList<>();
        String name = experiment.path("metadata").path("name").asText();
        Map<String, String> samples = new java.util.HashMap<>();
        for (JsonNode p : experiment.path("spec").path("parameters")) {
            JsonNode space = p.path("feasibleSpace");
            samples.put(p.path("name").asText(), space.has("list") ? space.path("list").get(0).asText() : space.path("min").asText());
        }
        JsonNode template = experiment.path("spec").path("trialTemplate");
        String text = template.path("trialSpec").toString();
        Map<String, String> byPlaceholder = new java.util.HashMap<>();
        for (JsonNode p : template.path("trialParameters")) {
            String reference = p.path("reference").asText();
            if (!samples.containsKey(reference)) {
                problems.add("Experiment " + name + ": trial parameter " + p.path("name").asText() + " references no parameter");
            }
            if (!text.contains("${trialParameters." + p.path("name").asText() + "}")) {
                problems.add("Experiment " + name + ": trial parameter " + p.path("name").asText() + " is not used in the trial spec");
            }
            byPlaceholder.put(p.path("name").asText(), samples.get(reference));
        }
        Matcher m = PLACEHOLDER.matcher(text);
        String substituted = m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf(byPlaceholder.get(r.group(1)))))
                .replace("${trialSpec.Name}", name + "-00000001").replace("${trialSpec.Namespace}", "ml");
        if (substituted.contains("${")) {
            problems.add("Experiment " + name + ": unknown placeholders left in the trial spec");
        }
        try {
            Map<String, Object> trial = JSON.readValue(substituted, Map.class);
            ((Map<String, Object>) trial.computeIfAbsent("metadata", k -> new java.util.LinkedHashMap<>())).put("name", name + "-00000001");
            problems.addAll(validate(trial));
        } catch (IOException e) {
            problems.add("Experiment " + name + ": the substituted trial spec is not JSON: " + e.getMessage());
        }
        return problems;
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> void typed(JsonNode node, Class<T> type,
            List<String> problems) {
        T object = SERIALIZATION.convertValue(node, type);
        if (object.getMetadata() == null || object.getMetadata().getName() == null) {
            problems.add(type.getSimpleName() + " without a name");
        }
        Object extra = object instanceof ConfigMap c ? c.getAdditionalProperties() : ((Secret) object).getAdditionalProperties();
        if (extra instanceof Map<?, ?> leftovers && !leftovers.isEmpty()) {
            problems.add(type.getSimpleName() + " " + object.getMetadata().getName() + " has unknown fields " + leftovers.keySet());
        }
    }

    /** Validates every mlplane object in {@code namespace} as stored by the API server. */
    @SuppressWarnings("unchecked")
    static List<String> validateAll(KubernetesClient client, String namespace) {
        List<String> problems = new ArrayList<>();
        var serialization = client.getKubernetesSerialization();
        for (KubeflowJobKind kind : KubeflowJobKind.values()) {
            for (GenericKubernetesResource job : client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                    .list().getItems()) {
                Map<String, Object> map = serialization.convertValue(job, Map.class);
                Map<String, Object> metadata = (Map<String, Object>) map.get("metadata");
                metadata.keySet().retainAll(List.of("name", "namespace", "labels", "annotations"));
                problems.addAll(validate(map));
            }
        }
        for (GenericKubernetesResource experiment : client.genericKubernetesResources(KubernetesTuningBackend.EXPERIMENTS)
                .inNamespace(namespace).list().getItems()) {
            Map<String, Object> map = serialization.convertValue(experiment, Map.class);
            ((Map<String, Object>) map.get("metadata")).keySet().retainAll(List.of("name", "namespace", "labels", "annotations"));
            map.remove("status");
            problems.addAll(validate(map));
        }
        for (ConfigMap configMap : client.configMaps().inNamespace(namespace).withLabel(TrainingManifests.MANAGED_BY).list().getItems()) {
            problems.addAll(validate(serialization.convertValue(configMap, Map.class)));
        }
        for (Secret secret : client.secrets().inNamespace(namespace).withLabel(TrainingManifests.MANAGED_BY).list().getItems()) {
            problems.addAll(validate(serialization.convertValue(secret, Map.class)));
        }
        return problems;
    }
}
