package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.UnsupportedFeatureException;
import io.mlplane.core.kubernetes.KubernetesContext;
import io.mlplane.core.spi.PlanBodies;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.Parameter;
import io.mlplane.training.Scaling;
import io.mlplane.training.Strategy;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.internal.SpecHash;
import io.mlplane.training.internal.TuningSpecMap;
import io.mlplane.training.spi.TuningBackend;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tuning jobs as Katib {@code Experiment}s. Submits are idempotent through the {@code mlplane.io/spec-hash}
 * annotation. Trials are read from Katib's {@code Trial} objects (label {@code katib.kubeflow.org/experiment});
 * each trial's training job has the trial's name, so it is also a {@link io.mlplane.training.TrainingJob}.
 *
 * <p>Katib cannot stop an experiment and keep it: stopping caps its trial counts at the trials it has started and
 * suspends their training jobs; the tuning job is Stopped once every trial has ended. Trials Katib still starts
 * after the stop are suspended when the job is next observed.
 */
final class KubernetesTuningBackend implements TuningBackend {

    static final ResourceDefinitionContext EXPERIMENTS = katib("Experiment", "experiments");
    static final ResourceDefinitionContext TRIALS = katib("Trial", "trials");
    static final String STOPPED_AT = "mlplane.io/stop-requested";

    private final KubernetesContext kubernetes;
    private final KatibExperiments experiments;
    private final KubernetesTrainingBackend training;
    private final KatibDescriptions descriptions;

    KubernetesTuningBackend(KubernetesContext kubernetes) {
        this.kubernetes = kubernetes;
        this.experiments = new KatibExperiments(kubernetes.config());
        this.training = new KubernetesTrainingBackend(kubernetes);
        this.descriptions = new KatibDescriptions(training);
    }

    private static ResourceDefinitionContext katib(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kubeflow.org").withVersion("v1beta1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private String namespace() {
        return kubernetes.config().namespace();
    }

    private KubernetesClient client() {
        return kubernetes.client();
    }

    @Override
    public List<PlannedRequest> plan(TuningJobSpec spec) {
        validate(spec);
        return experiments.build(spec, hash(spec)).stream().map(TrainingManifests::apply).toList();
    }

    private static String hash(TuningJobSpec spec) {
        return SpecHash.of(TuningSpecMap.of(spec));
    }

    private void validate(TuningJobSpec spec) {
        if (spec.warmStart() != null) {
            throw new UnsupportedFeatureException("warm start", "kubernetes", "Katib cannot warm-start an experiment from"
                    + " earlier ones; leave warmStart unset, or tune on the sagemaker backend");
        }
        for (Parameter p : spec.parameters()) {
            if (p.scaling() == Scaling.REVERSE_LOGARITHMIC) {
                throw new UnsupportedFeatureException("reverse logarithmic scaling", "kubernetes", "Katib's distributions"
                        + " are uniform, logUniform, normal and logNormal; parameter '" + p.name() + "' needs LINEAR,"
                        + " LOGARITHMIC or AUTO on Kubernetes");
            }
        }
        Violations v = Violations.of("TuningJobSpec '" + spec.name() + "' on Kubernetes (Katib)");
        v.matches("name", spec.name(), KubernetesTrainingBackend.NAME, "must be a lowercase DNS-1035 label on Kubernetes");
        training.validateRunnable(spec.trainingTemplate(), v.at("trainingTemplate"));
        for (int i = 0; i < spec.parameters().size(); i++) {
            List<String> values = spec.parameters().get(i).values();
            for (int j = 0; j < values.size(); j++) {
                v.check(!values.get(j).matches("(?s).*([\"\\\\\\n\\r]|\\$\\{).*"), "parameters[" + i + "].values[" + j + "]",
                        "must not contain a double quote, a backslash, a line break or '${': Katib pastes values into the"
                                + " trial's JSON as they are");
            }
        }
        if (spec.strategy() == Strategy.HYPERBAND) {
            KatibHyperband.validate(spec, v);
        }
        List<MetricDefinition> definitions = spec.trainingTemplate().metricDefinitions();
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).name().equals(spec.objective().metric())) {
                String field = "trainingTemplate.metricDefinitions[" + i + "].regex";
                KatibMetricsFormat.problem(definitions.get(i)).ifPresent(problem -> v.add(field, problem));
            }
        }
        v.throwIfAny();
    }

    @Override
    public TuningJobDescription create(TuningJobSpec spec) {
        List<PlannedRequest> requests = plan(spec);
        String hash = hash(spec);
        Optional<GenericKubernetesResource> existing = experiment(spec.name());
        if (existing.isPresent()) {
            return existingIfSame(existing.get(), hash);
        }
        for (PlannedRequest request : requests) {
            Map<String, Object> manifest = PlanBodies.revealed(request.body());
            try {
                if ("Secret".equals(manifest.get("kind"))) {
                    kubernetes.call(() -> client().secrets().inNamespace(namespace()).resource(convert(manifest, Secret.class))
                            .createOr(NonDeletingOperation::update));
                } else {
                    kubernetes.call(() -> client().genericKubernetesResources(EXPERIMENTS).inNamespace(namespace())
                            .resource(convert(manifest, GenericKubernetesResource.class)).create());
                }
            } catch (ConflictException raced) {
                return existingIfSame(experiment(spec.name()).orElseThrow(() -> raced), hash);
            } catch (ResourceNotFoundException noKatib) {
                throw new UnsupportedFeatureException("hyperparameter tuning", "kubernetes", "the cluster has no Katib"
                        + " (kubeflow.org/v1beta1 Experiment is not served in namespace '" + namespace() + "'); install Katib"
                        + " or tune on another backend");
            }
        }
        return describe(spec.name()).orElseThrow();
    }

    private TuningJobDescription existingIfSame(GenericKubernetesResource existing, String hash) {
        if (!hash.equals(KatibConditions.annotation(existing, TrainingManifests.HASH))) {
            throw new ConflictException("kubernetes", "tuning job '" + existing.getMetadata().getName()
                    + "' already exists in namespace '" + namespace() + "' with a different spec");
        }
        return descriptions.describe(existing, trials(existing.getMetadata().getName()));
    }

    private <T> T convert(Map<String, Object> manifest, Class<T> type) {
        return client().getKubernetesSerialization().convertValue(manifest, type);
    }

    private Optional<GenericKubernetesResource> experiment(String name) {
        try {
            return Optional.ofNullable(kubernetes.call(() -> client().genericKubernetesResources(EXPERIMENTS)
                    .inNamespace(namespace()).withName(name).get()));
        } catch (ResourceNotFoundException noKatib) {
            return Optional.empty();
        }
    }

    private List<GenericKubernetesResource> trials(String experiment) {
        return listOrEmpty(TRIALS, KatibExperiments.EXPERIMENT_LABEL, experiment);
    }

    private List<GenericKubernetesResource> listOrEmpty(ResourceDefinitionContext type, String label, @Nullable String value) {
        try {
            return kubernetes.call(() -> {
                var resources = client().genericKubernetesResources(type).inNamespace(namespace());
                return (value == null ? resources.withLabel(label) : resources.withLabel(label, value)).list().getItems();
            });
        } catch (ResourceNotFoundException noKatib) {
            return List.of();
        }
    }

    @Override
    public Optional<TuningJobDescription> describe(String name) {
        return experiment(name).map(e -> descriptions.describe(e, trials(name)));
    }

    @Override
    public Map<String, TuningJobDescription> describeAll(Collection<String> names) {
        if (names.size() == 1) {
            String name = names.iterator().next();
            return describe(name).map(d -> Map.of(name, d)).orElse(Map.of());
        }
        Map<String, List<GenericKubernetesResource>> trialsByExperiment = listOrEmpty(TRIALS, KatibExperiments.EXPERIMENT_LABEL,
                null).stream().collect(Collectors.groupingBy(t -> t.getMetadata().getLabels().get(KatibExperiments.EXPERIMENT_LABEL)));
        Map<String, TuningJobDescription> found = new HashMap<>();
        for (GenericKubernetesResource experiment : listOrEmpty(EXPERIMENTS, TrainingManifests.MANAGED_BY, TrainingManifests.MLPLANE)) {
            String name = experiment.getMetadata().getName();
            if (names.contains(name)) {
                found.put(name, descriptions.describe(experiment, trialsByExperiment.getOrDefault(name, List.of())));
            }
        }
        return found;
    }

    @Override
    public List<String> listNames() {
        return listOrEmpty(EXPERIMENTS, TrainingManifests.MANAGED_BY, TrainingManifests.MLPLANE).stream()
                .sorted(Comparator.comparing(e -> String.valueOf(e.getMetadata().getCreationTimestamp())))
                .map(e -> e.getMetadata().getName()).toList();
    }

    @Override
    public void stop(String name) {
        GenericKubernetesResource experiment = experiment(name).orElseThrow(() -> new ResourceNotFoundException("kubernetes",
                "tuning job '" + name + "' does not exist in namespace '" + namespace() + "'"));
        List<GenericKubernetesResource> katibTrials = trials(name);
        if (descriptions.describe(experiment, katibTrials).status().isTerminal() || KatibConditions.annotation(experiment, STOPPED_AT) != null) {
            return;
        }
        int started = Math.max(1, katibTrials.size());
        Instant now = kubernetes.config().timeSource().now();
        kubernetes.call(() -> client().genericKubernetesResources(EXPERIMENTS).inNamespace(namespace()).withName(name)
                .edit(current -> {
                    current.getMetadata().getAnnotations().put(STOPPED_AT, now.toString());
                    Map<String, Object> spec = current.get("spec");
                    spec.put("maxTrialCount", started);
                    spec.computeIfPresent("parallelTrialCount", (k, v) -> Math.min(((Number) v).intValue(), started));
                    spec.computeIfPresent("maxFailedTrialCount", (k, v) -> Math.min(((Number) v).intValue(), started));
                    return current;
                }));
        for (GenericKubernetesResource trial : katibTrials) {
            try {
                training.stop(trial.getMetadata().getName());
            } catch (ResourceNotFoundException notStartedYet) {
                // Katib has not created its training job yet; it is suspended when the tuning job is next observed.
            }
        }
    }
}
