package io.mlplane.training.kubernetes;

import io.mlplane.core.EnvironmentVariable;
import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.spi.PlanBodies;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Spot;
import io.mlplane.training.Strategy;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.ToolkitEnvironment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests a tuning job becomes on Kubernetes: a Secret for the template's secret variables (if any) and a
 * Katib {@code Experiment} ({@code kubeflow.org/v1beta1}). The trial template is the Kubeflow job the training
 * driver would submit for the template, made self-contained, with Katib's placeholders where each trial differs:
 * {@code ${trialSpec.Name}} for the job's name (and so its hosts, artifact and checkpoint paths) and
 * {@code ${trialParameters.<name>}} for each tuned hyperparameter.
 */
final class KatibExperiments {

    static final String TUNING_LABEL = "mlplane.io/tuning-job";
    /** The objective metric's name in the spec, where Katib knows it by the label its line prints. */
    static final String OBJECTIVE_METRIC = "mlplane.io/objective-metric";
    /** Katib's label on the trials of an experiment. */
    static final String EXPERIMENT_LABEL = "katib.kubeflow.org/experiment";

    /**
     * Stand-ins, replaced by Katib placeholders after the template job is built. Parameters whose values are all
     * JSON numbers or booleans stand in as numbers, so that {@code SM_HPS} and {@code SM_TRAINING_ENV} show them
     * unquoted, as the toolkit does.
     */
    private static final String NAME_STAND_IN = "mlplane-trial-name-7f3a9c";
    private static final String TEXT_STAND_IN = "MLPLANE_TRIAL_PARAMETER_7F3A9C_%03d";
    private static final String NUMBER_STAND_IN = "7391720461%03d7";

    private final KubernetesConfig config;
    private final TrainingManifests manifests;

    KatibExperiments(KubernetesConfig config) {
        this.config = config;
        this.manifests = new TrainingManifests(config);
    }

    static String secretName(String tuningJob) {
        return tuningJob + "-mlplane-trials-env";
    }

    /** Katib's algorithm for a strategy. */
    static String algorithm(Strategy strategy) {
        return switch (strategy) {
            case BAYESIAN -> "bayesianoptimization";
            case RANDOM -> "random";
            case GRID -> "grid";
            case HYPERBAND -> "hyperband";
        };
    }

    /** The parameters Katib searches: the tuned ones and, for Hyperband, the budget parameter. */
    static List<Parameter> searched(TuningJobSpec spec) {
        List<Parameter> searched = new ArrayList<>(spec.parameters());
        if (spec.strategy() == Strategy.HYPERBAND && spec.budgetHyperparameter() != null) {
            searched.add(KatibHyperband.budgetParameter(spec));
        }
        return searched;
    }

    /** Katib's names for the placeholders of the searched parameters: plain identifiers. */
    static List<String> trialParameterNames(List<Parameter> searched) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < searched.size(); i++) {
            String name = searched.get(i).name().replaceAll("[^A-Za-z0-9]", "_");
            if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || !taken.add(name)) {
                name = "p" + i + "_" + name;
                taken.add(name);
            }
            names.add(name);
        }
        return names;
    }

    /** Optional Secret, then the Experiment; {@code hash} identifies the spec. */
    List<Map<String, Object>> build(TuningJobSpec spec, String hash) {
        List<Map<String, Object>> result = new ArrayList<>();
        TrainingJobSpec template = spec.trainingTemplate();
        if (template.environment().stream().anyMatch(EnvironmentVariable::secret)) {
            Map<String, Object> secret = manifests.secret(template, secretName(spec.name()));
            relabel(secret, spec.name());
            result.add(secret);
        }
        result.add(experiment(spec, hash));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void relabel(Map<String, Object> manifest, String tuningJob) {
        Map<String, Object> metadata = (Map<String, Object>) manifest.get("metadata");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(TrainingManifests.MANAGED_BY, TrainingManifests.MLPLANE);
        labels.put(TUNING_LABEL, tuningJob);
        metadata.put("labels", labels);
    }

    private Map<String, Object> experiment(TuningJobSpec spec, String hash) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", spec.name());
        metadata.put("namespace", config.namespace());
        metadata.put("annotations", PlanBodies.map(TrainingManifests.HASH, hash, OBJECTIVE_METRIC, spec.objective().metric()));
        Map<String, Object> experiment = new LinkedHashMap<>();
        experiment.put("apiVersion", "kubeflow.org/v1beta1");
        experiment.put("kind", "Experiment");
        experiment.put("metadata", metadata);
        relabel(experiment, spec.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objective", objective(spec));
        body.put("algorithm", algorithmSpec(spec));
        body.put("parallelTrialCount", spec.maxParallelTrials());
        int maxTrials = maxTrials(spec);
        body.put("maxTrialCount", maxTrials);
        // Katib fails an experiment once failed trials exceed this: here, only when every trial has failed.
        body.put("maxFailedTrialCount", maxTrials - 1);
        body.put("parameters", searched(spec).stream().map(KatibExperiments::parameter).toList());
        if (spec.earlyStopping()) {
            body.put("earlyStopping", Map.of("algorithmName", "medianstop"));
        }
        body.put("metricsCollectorSpec", metricsCollector(spec));
        body.put("trialTemplate", trialTemplate(spec, hash));
        experiment.put("spec", body);
        return experiment;
    }

    /** The trial budget: the spec's, or every combination for a grid. */
    static int maxTrials(TuningJobSpec spec) {
        if (spec.maxTrials() != null) {
            return spec.maxTrials();
        }
        long combinations = 1;
        for (Parameter p : spec.parameters()) {
            combinations = Math.min(Integer.MAX_VALUE, combinations * p.values().size());
        }
        return (int) combinations;
    }

    /**
     * The template's metric definitions that Katib can collect, objective first, one per Katib name (the
     * objective's wins a clash).
     */
    static List<KatibMetricsFormat.Collected> collected(TuningJobSpec spec) {
        List<KatibMetricsFormat.Collected> collected = new ArrayList<>();
        List<MetricDefinition> definitions = new ArrayList<>(spec.trainingTemplate().metricDefinitions());
        definitions.sort(java.util.Comparator.comparing(d -> !d.name().equals(spec.objective().metric())));
        Set<String> katibNames = new HashSet<>();
        for (MetricDefinition d : definitions) {
            KatibMetricsFormat.collected(d).filter(c -> katibNames.add(c.katibName())).ifPresent(collected::add);
        }
        return collected;
    }

    /** The name Katib records the objective metric under (the template's name, or the label its line prints). */
    static String katibObjective(TuningJobSpec spec) {
        return collected(spec).get(0).katibName();
    }

    private static Map<String, Object> objective(TuningJobSpec spec) {
        List<KatibMetricsFormat.Collected> collected = collected(spec);
        Map<String, Object> objective = new LinkedHashMap<>();
        objective.put("type", spec.objective().maximize() ? "maximize" : "minimize");
        objective.put("objectiveMetricName", katibObjective(spec));
        List<String> additional = collected.stream().skip(1).map(KatibMetricsFormat.Collected::katibName).toList();
        if (!additional.isEmpty()) {
            objective.put("additionalMetricNames", additional);
        }
        // A trial's objective value is the metric's final value, as on SageMaker (Katib's default is the best).
        objective.put("metricStrategies", collected.stream()
                .map(c -> PlanBodies.map("name", c.katibName(), "value", "latest")).toList());
        return objective;
    }

    private static Map<String, Object> algorithmSpec(TuningJobSpec spec) {
        Map<String, Object> algorithm = new LinkedHashMap<>();
        algorithm.put("algorithmName", algorithm(spec.strategy()));
        if (spec.strategy() == Strategy.HYPERBAND) {
            algorithm.put("algorithmSettings", KatibHyperband.settings(spec));
        } else if (spec.randomSeed() != null && spec.strategy() != Strategy.GRID) {
            algorithm.put("algorithmSettings", List.of(PlanBodies.map("name", "random_state", "value", spec.randomSeed().toString())));
        }
        return algorithm;
    }

    private static Map<String, Object> parameter(Parameter p) {
        Map<String, Object> space = new LinkedHashMap<>();
        String type = switch (p.type()) {
            case CONTINUOUS -> "double";
            case INTEGER -> "int";
            case CATEGORICAL -> "categorical";
        };
        if (p.type() == Parameter.Type.CATEGORICAL) {
            space.put("list", p.values());
        } else {
            space.put("min", p.format(p.min()));
            space.put("max", p.format(p.max()));
            if (p.scaling() == Scaling.LINEAR) {
                space.put("distribution", "uniform");
            } else if (p.scaling() == Scaling.LOGARITHMIC) {
                space.put("distribution", "logUniform");
            }
        }
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", p.name());
        parameter.put("parameterType", type);
        parameter.put("feasibleSpace", space);
        return parameter;
    }

    private static Map<String, Object> metricsCollector(TuningJobSpec spec) {
        List<String> formats = collected(spec).stream().map(KatibMetricsFormat.Collected::filter).toList();
        Map<String, Object> collector = new LinkedHashMap<>();
        collector.put("collector", Map.of("kind", "StdOut"));
        collector.put("source", Map.of("filter", Map.of("metricsFormat", formats)));
        return collector;
    }

    private Map<String, Object> trialTemplate(TuningJobSpec spec, String hash) {
        List<Parameter> searched = searched(spec);
        List<String> names = trialParameterNames(searched);
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put(NAME_STAND_IN, "${trialSpec.Name}");
        Map<String, String> hyperparameters = new LinkedHashMap<>(spec.staticHyperparameters());
        List<Map<String, Object>> trialParameters = new ArrayList<>();
        for (int i = 0; i < searched.size(); i++) {
            Parameter p = searched.get(i);
            boolean scalar = p.type() != Parameter.Type.CATEGORICAL || p.values().stream().allMatch(KatibExperiments::jsonScalar);
            String standIn = String.format(scalar ? NUMBER_STAND_IN : TEXT_STAND_IN, i);
            hyperparameters.put(p.name(), standIn);
            replacements.put(standIn, "${trialParameters." + names.get(i) + "}");
            Map<String, Object> trialParameter = new LinkedHashMap<>();
            trialParameter.put("name", names.get(i));
            trialParameter.put("description", "hyperparameter " + p.name());
            trialParameter.put("reference", p.name());
            trialParameters.add(trialParameter);
        }
        TrainingJobSpec.Builder trial = spec.trainingTemplate().toBuilder().name(NAME_STAND_IN).hyperparameters(hyperparameters);
        Spot spot = spec.trainingTemplate().spot();
        if (spot != null) {
            // Trials must not resume each other's checkpoints.
            trial.spot(spot.toBuilder().checkpointUri(spot.checkpointUri().replaceAll("/+$", "") + "/" + NAME_STAND_IN).build());
        }
        Map<String, Object> job = manifests.trialJob(trial.build(), hash, secretName(spec.name()));
        @SuppressWarnings("unchecked")
        Map<String, Object> jobMetadata = (Map<String, Object>) job.get("metadata");
        jobMetadata.remove("name");
        jobMetadata.remove("namespace");
        boolean trainerV2 = config.api() == KubeflowApi.TRAINER_V2;
        KubeflowJobKind kind = KubeflowJobKind.of(spec.trainingTemplate());
        Map<String, Object> template = new LinkedHashMap<>();
        // Keep each trial's job (its status, pods and logs) after the trial, as SageMaker keeps a tuning job's
        // training jobs: a trial is also a TrainingJob.
        template.put("retain", true);
        template.put("primaryContainerName", trainerV2 ? "node" : kind.container);
        template.put("trialParameters", trialParameters);
        template.put("primaryPodLabels", trainerV2
                ? PlanBodies.map("jobset.sigs.k8s.io/replicatedjob-name", "node", "batch.kubernetes.io/job-completion-index", "0")
                : Map.of("training.kubeflow.org/job-role", "master"));
        String done = trainerV2 ? "Complete" : "Succeeded";
        template.put("successCondition", "status.conditions.#(type==\"" + done + "\")#|#(status==\"True\")#");
        template.put("failureCondition", "status.conditions.#(type==\"Failed\")#|#(status==\"True\")#");
        template.put("trialSpec", replaced(job, replacements));
        return template;
    }

    /** Whether the toolkit decodes {@code value} as a JSON number or boolean (and so shows it unquoted). */
    private static boolean jsonScalar(String value) {
        Object decoded = ToolkitEnvironment.decode(value);
        return decoded instanceof Number || decoded instanceof Boolean;
    }

    @SuppressWarnings("unchecked")
    private static Object replaced(Object node, Map<String, String> replacements) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) replaced(k, replacements), replaced(v, replacements)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> replaced(v, replacements)).toList();
        }
        if (node instanceof String text) {
            String result = text;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                result = result.replace(r.getKey(), r.getValue());
            }
            return result;
        }
        return node;
    }
}
