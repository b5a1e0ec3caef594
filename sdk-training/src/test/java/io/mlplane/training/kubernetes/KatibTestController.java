package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.MockBehavior;
import io.mlplane.core.mock.VirtualClock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Katib's experiment and trial controllers and its StdOut metrics collector against the mock API server,
 * once per tick of {@link KubeflowTestController}: it keeps up to {@code parallelTrialCount} trials running, each
 * a Trial object plus the training job made from {@code trialTemplate.trialSpec} with Katib's textual placeholder
 * substitution; ends trials on their job's success and failure conditions; collects each finished trial's metrics
 * from the lead pod's log with the experiment's {@code metricsFormat} filters (group 1 the name, group 2 the
 * value); and sets the experiment's status (counters, {@code currentOptimalTrial}, conditions) with Katib's rules
 * for max trials, max failed trials and the end of a grid; a finished trial's job is deleted unless the template
 * says {@code retain}. Suggestions are random (seeded by
 * {@code random_state}) for every algorithm but grid, which walks every combination.
 */
final class KatibTestController {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{trialParameters\\.([^}]+)}");

    private final VirtualClock clock;
    private final KubernetesClient client;
    private final String namespace;
    private final KubeflowTestController kubeflow;
    private final Map<String, Function<Map<String, String>, MockBehavior>> behaviours = new ConcurrentHashMap<>();
    private final Map<String, Random> suggestions = new ConcurrentHashMap<>();
    private final Map<String, Integer> created = new ConcurrentHashMap<>();

    KatibTestController(VirtualClock clock, KubernetesClient client, String namespace, KubeflowTestController kubeflow) {
        this.clock = clock;
        this.client = client;
        this.namespace = namespace;
        this.kubeflow = kubeflow;
    }

    /** How the training jobs of {@code experiment}'s trials behave, given their hyperparameters. */
    void behaviour(String experiment, Function<Map<String, String>, MockBehavior> behaviour) {
        behaviours.put(experiment, behaviour);
    }

    synchronized void reconcile() {
        for (GenericKubernetesResource experiment : client.genericKubernetesResources(KubernetesTuningBackend.EXPERIMENTS)
                .inNamespace(namespace).list().getItems()) {
            reconcile(experiment);
        }
    }

    @SuppressWarnings("unchecked")
    private void reconcile(GenericKubernetesResource experiment) {
        String name = experiment.getMetadata().getName();
        Map<String, Object> spec = experiment.get("spec");
        Map<String, Object> status = experiment.getAdditionalProperties().get("status") instanceof Map<?, ?> s
                ? new LinkedHashMap<>((Map<String, Object>) s) : new LinkedHashMap<>();
        if (KatibConditions.find(status, "Succeeded") != null || KatibConditions.find(status, "Failed") != null) {
            return;
        }
        List<GenericKubernetesResource> trials = new ArrayList<>(client.genericKubernetesResources(KubernetesTuningBackend.TRIALS)
                .inNamespace(namespace).withLabel(KatibExperiments.EXPERIMENT_LABEL, name).list().getItems());
        trials.sort(java.util.Comparator.comparing(t -> t.getMetadata().getName()));
        for (GenericKubernetesResource trial : trials) {
            updateTrial(trial, spec);
        }
        int max = ((Number) spec.get("maxTrialCount")).intValue();
        int parallel = ((Number) spec.get("parallelTrialCount")).intValue();
        List<Map<String, String>> grid = "grid".equals(((Map<String, Object>) spec.get("algorithm")).get("algorithmName"))
                ? grid((List<Map<String, Object>>) spec.get("parameters")) : null;
        while (true) {
            long active = trials.stream().filter(t -> !ended(t)).count();
            if (active >= parallel || trials.size() >= max || (grid != null && trials.size() >= grid.size())) {
                break;
            }
            trials.add(createTrial(experiment, grid == null ? null : grid.get(trials.size())));
        }
        status.put("trials", trials.size());
        count(status, trials, "trialsSucceeded", "Succeeded");
        count(status, trials, "trialsFailed", "Failed");
        long completed = trials.stream().filter(KatibTestController::ended).count();
        long failed = trials.stream().filter(t -> has(t, "Failed")).count();
        status.put("trialsRunning", trials.size() - completed);
        optimal(spec, trials).ifPresent(best -> status.put("currentOptimalTrial", best));
        List<Map<String, Object>> conditions = new ArrayList<>();
        conditions.add(condition("Created", "ExperimentCreated"));
        Number maxFailed = (Number) spec.get("maxFailedTrialCount");
        String now = clock.now().truncatedTo(ChronoUnit.SECONDS).toString();
        status.putIfAbsent("startTime", now);
        if (maxFailed != null && failed > maxFailed.intValue()) {
            conditions.add(condition("Failed", "ExperimentFailed", "Experiment has failed because max failed count has reached"));
            status.put("completionTime", now);
        } else if (completed >= max || (grid != null && completed == grid.size())) {
            conditions.add(condition("Succeeded", completed >= max ? "ExperimentMaxTrialsReached" : "ExperimentSuggestionEndReached"));
            status.put("completionTime", now);
        } else {
            conditions.add(condition("Running", "ExperimentRunning"));
        }
        status.put("conditions", conditions);
        if (!status.equals(experiment.getAdditionalProperties().get("status"))) {
            experiment.setAdditionalProperty("status", status);
            client.genericKubernetesResources(KubernetesTuningBackend.EXPERIMENTS).inNamespace(namespace).resource(experiment).update();
        }
    }

    private static void count(Map<String, Object> status, List<GenericKubernetesResource> trials, String key, String type) {
        status.put(key, trials.stream().filter(t -> has(t, type)).count());
    }

    private static Map<String, Object> condition(String type, String reason) {
        return condition(type, reason, null);
    }

    private static Map<String, Object> condition(String type, String reason, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", "True");
        condition.put("reason", reason);
        if (message != null) {
            condition.put("message", message);
        }
        return condition;
    }

    @SuppressWarnings("unchecked")
    private static boolean has(GenericKubernetesResource resource, String type) {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> s && KatibConditions.find((Map<String, Object>) s, type) != null;
    }

    private static boolean ended(GenericKubernetesResource trial) {
        return has(trial, "Succeeded") || has(trial, "Failed") || has(trial, "Killed") || has(trial, "EarlyStopped");
    }

    /** Every combination of the (categorical) parameters, the first parameter varying slowest. */
    private static List<Map<String, String>> grid(List<Map<String, Object>> parameters) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map<String, Object> p : parameters) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) ((Map<String, Object>) p.get("feasibleSpace")).get("list");
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : values) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(String.valueOf(p.get("name")), value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> suggest(GenericKubernetesResource experiment) {
        Map<String, Object> spec = experiment.get("spec");
        Map<String, Object> algorithm = (Map<String, Object>) spec.get("algorithm");
        long seed = ((List<Map<String, Object>>) algorithm.getOrDefault("algorithmSettings", List.of())).stream()
                .filter(s -> "random_state".equals(s.get("name"))).map(s -> Long.parseLong(String.valueOf(s.get("value"))))
                .findFirst().orElse((long) experiment.getMetadata().getName().hashCode());
        Random random = suggestions.computeIfAbsent(experiment.getMetadata().getName(), n -> new Random(seed));
        Map<String, String> assignment = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) spec.get("parameters")) {
            Map<String, Object> space = (Map<String, Object>) p.get("feasibleSpace");
            String value = switch (String.valueOf(p.get("parameterType"))) {
                case "categorical", "discrete" -> {
                    List<String> list = (List<String>) space.get("list");
                    yield list.get(random.nextInt(list.size()));
                }
                case "int" -> Long.toString(Long.parseLong((String) space.get("min"))
                        + random.nextInt((int) (Long.parseLong((String) space.get("max")) - Long.parseLong((String) space.get("min")) + 1)));
                default -> {
                    double min = Double.parseDouble((String) space.get("min"));
                    double max = Double.parseDouble((String) space.get("max"));
                    yield Double.toString("logUniform".equals(space.get("distribution"))
                            ? Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)))
                            : min + random.nextDouble() * (max - min));
                }
            };
            assignment.put(String.valueOf(p.get("name")), value);
        }
        return assignment;
    }

    /** A Trial and its training job, as Katib's experiment and trial controllers create them. */
    @SuppressWarnings("unchecked")
    private GenericKubernetesResource createTrial(GenericKubernetesResource experiment, Map<String, String> gridPoint) {
        String experimentName = experiment.getMetadata().getName();
        Map<String, String> assignment = gridPoint != null ? gridPoint : suggest(experiment);
        int index = created.merge(experimentName, 1, Integer::sum);
        String trialName = experimentName + "-" + String.format("%08x", index);
        Map<String, Object> spec = experiment.get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("trialTemplate");
        Map<String, String> references = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) template.get("trialParameters")) {
            references.put(String.valueOf(p.get("name")), String.valueOf(p.get("reference")));
        }
        var serialization = client.getKubernetesSerialization();
        String text = serialization.asJson(template.get("trialSpec"));
        Matcher placeholders = PLACEHOLDER.matcher(text);
        text = placeholders.replaceAll(m -> Matcher.quoteReplacement(assignment.get(references.get(m.group(1)))));
        text = text.replace("${trialSpec.Name}", trialName).replace("${trialSpec.Namespace}", namespace);
        GenericKubernetesResource job = serialization.unmarshal(text, GenericKubernetesResource.class);
        job.getMetadata().setName(trialName);
        job.getMetadata().setNamespace(namespace);

        Map<String, Object> trialSpec = new LinkedHashMap<>();
        trialSpec.put("objective", spec.get("objective"));
        trialSpec.put("parameterAssignments", assignment.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        trialSpec.put("runSpec", serialization.convertValue(job, Map.class));
        trialSpec.put("metricsCollector", spec.get("metricsCollectorSpec"));
        trialSpec.put("primaryContainerName", template.get("primaryContainerName"));
        GenericKubernetesResource trial = new GenericKubernetesResource();
        trial.setApiVersion("kubeflow.org/v1beta1");
        trial.setKind("Trial");
        trial.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(trialName).withNamespace(namespace)
                .withLabels(Map.of(KatibExperiments.EXPERIMENT_LABEL, experimentName))
                .withCreationTimestamp(clock.now().toString()).build());
        trial.setAdditionalProperty("spec", trialSpec);
        trial.setAdditionalProperty("status", Map.of("conditions", List.of(condition("Created", "TrialCreated"),
                condition("Running", "TrialRunning"))));
        Function<Map<String, String>, MockBehavior> behaviour = behaviours.getOrDefault(experimentName,
                hp -> new JobScript().toBehavior());
        kubeflow.script(trialName, behaviour.apply(assignment));
        GenericKubernetesResource stored = client.genericKubernetesResources(KubernetesTuningBackend.TRIALS).inNamespace(namespace)
                .resource(trial).create();
        KubeflowJobKind kind = KubeflowJobKind.ofKind(job.getKind());
        client.genericKubernetesResources(kind.context()).inNamespace(namespace).resource(job).create();
        return stored;
    }

    /** Ends a running trial when its job meets the success or failure condition, with the collected metrics. */
    @SuppressWarnings("unchecked")
    private void updateTrial(GenericKubernetesResource trial, Map<String, Object> experimentSpec) {
        if (ended(trial)) {
            return;
        }
        String name = trial.getMetadata().getName();
        Map<String, Object> runSpec = (Map<String, Object>) ((Map<String, Object>) trial.get("spec")).get("runSpec");
        KubeflowJobKind kind = KubeflowJobKind.ofKind(String.valueOf(runSpec.get("kind")));
        GenericKubernetesResource job = client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).get();
        if (job == null || !(job.getAdditionalProperties().get("status") instanceof Map<?, ?> jobStatus)) {
            return;
        }
        Map<String, Object> template = (Map<String, Object>) experimentSpec.get("trialTemplate");
        String ending = null;
        if (KatibConditions.find((Map<String, Object>) jobStatus, conditionType(template.get("successCondition"))) != null) {
            ending = "Succeeded";
        } else if (KatibConditions.find((Map<String, Object>) jobStatus, conditionType(template.get("failureCondition"))) != null) {
            ending = "Failed";
        }
        if (ending == null) {
            return;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        List<Map<String, Object>> conditions = new ArrayList<>(List.of(condition("Created", "TrialCreated")));
        if (ending.equals("Succeeded")) {
            List<Map<String, Object>> metrics = collect(kind.leadPod(name), experimentSpec);
            String objective = String.valueOf(((Map<String, Object>) experimentSpec.get("objective")).get("objectiveMetricName"));
            boolean available = metrics.stream().anyMatch(m -> objective.equals(m.get("name")));
            status.put("observation", Map.of("metrics", metrics));
            conditions.add(condition(available ? "Succeeded" : "MetricsUnavailable", available ? "TrialSucceeded" : "MetricsUnavailable"));
        } else {
            conditions.add(condition("Failed", "TrialFailed"));
        }
        status.put("conditions", conditions);
        status.put("completionTime", clock.now().truncatedTo(ChronoUnit.SECONDS).toString());
        trial.setAdditionalProperty("status", status);
        client.genericKubernetesResources(KubernetesTuningBackend.TRIALS).inNamespace(namespace).resource(trial).update();
        if (!Boolean.TRUE.equals(template.get("retain"))) {
            // Katib cleans up a finished trial's job unless the template says retain.
            client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).delete();
        }
    }

    /** The condition type a GJSON success/failure condition such as {@code status.conditions.#(type=="Succeeded")#|...} tests. */
    private static String conditionType(Object gjson) {
        Matcher m = Pattern.compile("type==\"([A-Za-z]+)\"").matcher(String.valueOf(gjson));
        return m.find() ? m.group(1) : "Succeeded";
    }

    /** Katib's StdOut collector: each filter's group 1 is a metric name, group 2 its value; min, max and latest. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> collect(String pod, Map<String, Object> experimentSpec) {
        Map<String, Object> objective = (Map<String, Object>) experimentSpec.get("objective");
        List<String> wanted = new ArrayList<>();
        wanted.add(String.valueOf(objective.get("objectiveMetricName")));
        wanted.addAll((List<String>) objective.getOrDefault("additionalMetricNames", List.of()));
        Map<String, Object> collector = (Map<String, Object>) experimentSpec.get("metricsCollectorSpec");
        List<String> formats = (List<String>) ((Map<String, Object>) ((Map<String, Object>) collector.get("source"))
                .get("filter")).get("metricsFormat");
        String log;
        try {
            log = client.pods().inNamespace(namespace).withName(pod).usingTimestamps().getLog();
        } catch (KubernetesClientException e) {
            log = "";
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String line : log == null ? new String[0] : log.split("\n")) {
            String text = line.replaceFirst("^\\S+Z ", "");
            for (String format : formats) {
                Matcher m = Pattern.compile(format).matcher(text);
                while (m.find()) {
                    if (m.groupCount() >= 2 && wanted.contains(m.group(1).trim())) {
                        values.computeIfAbsent(m.group(1).trim(), k -> new ArrayList<>()).add(Double.parseDouble(m.group(2).trim()));
                    }
                }
            }
        }
        List<Map<String, Object>> metrics = new ArrayList<>();
        values.forEach((metric, series) -> metrics.add(Map.of("name", metric,
                "min", Double.toString(series.stream().mapToDouble(Double::doubleValue).min().orElseThrow()),
                "max", Double.toString(series.stream().mapToDouble(Double::doubleValue).max().orElseThrow()),
                "latest", Double.toString(series.get(series.size() - 1)))));
        return metrics;
    }

    /** Katib's currentOptimalTrial: the trial with the best objective value by the objective's metric strategy. */
    @SuppressWarnings("unchecked")
    private static java.util.Optional<Map<String, Object>> optimal(Map<String, Object> spec, List<GenericKubernetesResource> trials) {
        Map<String, Object> objective = (Map<String, Object>) spec.get("objective");
        String metric = String.valueOf(objective.get("objectiveMetricName"));
        boolean maximize = "maximize".equals(objective.get("type"));
        GenericKubernetesResource best = null;
        double bestValue = 0;
        for (GenericKubernetesResource trial : trials) {
            if (!(trial.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
                continue;
            }
            Double value = KatibConditions.latest((Map<String, Object>) status, metric);
            if (value != null && (best == null || (maximize ? value > bestValue : value < bestValue))) {
                best = trial;
                bestValue = value;
            }
        }
        if (best == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> optimal = new LinkedHashMap<>();
        optimal.put("bestTrialName", best.getMetadata().getName());
        optimal.put("parameterAssignments", ((Map<String, Object>) best.get("spec")).get("parameterAssignments"));
        optimal.put("observation", ((Map<String, Object>) best.getAdditionalProperties().get("status")).get("observation"));
        return java.util.Optional.of(optimal);
    }
}
