package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlplane.core.ConflictException;
import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.kubernetes.KubeflowApi;
import io.mlplane.core.kubernetes.KubernetesContext;
import io.mlplane.core.spi.PlanBodies;
import io.mlplane.core.spi.Violations;
import io.mlplane.training.Channel;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricDefinition;
import io.mlplane.training.MetricSample;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.TrainingJobStatus;
import io.mlplane.training.internal.MetricExtractor;
import io.mlplane.training.internal.SpecHash;
import io.mlplane.training.internal.TrainingSpecMap;
import io.mlplane.training.spi.TrainingBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Training jobs as Kubeflow jobs. Submits are idempotent through the {@code mlplane.io/spec-hash} annotation;
 * every object carries {@code app.kubernetes.io/managed-by: mlplane} and {@code mlplane.io/training-job: <name>},
 * so one label selector lists jobs and removes a job's objects. Many jobs are observed with one List call per
 * job kind (Training Operator v1 has three: PyTorchJob, XGBoostJob, TFJob; kinds whose CRD is not installed are
 * skipped).
 */
final class KubernetesTrainingBackend implements TrainingBackend {

    static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern CLAIM = Pattern.compile("pvc://[a-z0-9]([-a-z0-9.]*[a-z0-9])?(/.*)?");
    private static final int MAX_NAME = 50;

    private final KubernetesContext kubernetes;
    private final KubeflowApi api;
    private final TrainingManifests manifests;
    private final List<ResourceDefinitionContext> jobTypes;

    KubernetesTrainingBackend(KubernetesContext kubernetes) {
        this.kubernetes = kubernetes;
        this.api = kubernetes.config().api();
        this.manifests = new TrainingManifests(kubernetes.config());
        this.jobTypes = api == KubeflowApi.TRAINER_V2
                ? List.of(new ResourceDefinitionContext.Builder().withGroup("trainer.kubeflow.org").withVersion("v1alpha1")
                        .withKind("TrainJob").withPlural("trainjobs").withNamespaced(true).build())
                : java.util.Arrays.stream(KubeflowJobKind.values()).map(KubeflowJobKind::context).toList();
    }

    private String namespace() {
        return kubernetes.config().namespace();
    }

    private KubernetesClient client() {
        return kubernetes.client();
    }

    @Override
    public List<PlannedRequest> plan(TrainingJobSpec spec) {
        validate(spec);
        return manifests.build(spec, hash(spec)).stream().map(TrainingManifests::apply).toList();
    }

    private static String hash(TrainingJobSpec spec) {
        return SpecHash.of(TrainingSpecMap.of(spec));
    }

    private void validate(TrainingJobSpec spec) {
        Violations v = Violations.of("TrainingJobSpec '" + spec.name() + "' on Kubernetes");
        if (v.matches("name", spec.name(), NAME, "must be a lowercase DNS-1035 label on Kubernetes")) {
            v.length("name", spec.name(), 1, MAX_NAME);
        }
        validateRunnable(spec, v);
        v.throwIfAny();
    }

    /** What a job needs to run on this cluster, whatever its name: image, framework, resources, storage. */
    void validateRunnable(TrainingJobSpec spec, Violations v) {
        v.check(!spec.image().isEmpty(), "image", "is required on Kubernetes, which runs containers");
        KubeflowJobKind kind = KubeflowJobKind.of(spec);
        String tag = "tags['" + KubeflowJobKind.FRAMEWORK_TAG + "']";
        if (v.check(kind != null, tag, "must be pytorch, xgboost or tensorflow")) {
            v.check(api != KubeflowApi.TRAINER_V2 || kind != KubeflowJobKind.TENSORFLOW, tag,
                    "Kubeflow Trainer v2 has no TensorFlow runtime; use the Training Operator v1 API (TFJob)");
        }
        v.check(kubernetes.config().instanceTypes().containsKey(spec.instanceType())
                || kubernetes.config().jobResources().containsKey(spec.name()), "instanceType",
                "has no Kubernetes resources: add it with KubernetesConfig.Builder.instanceType(\"" + spec.instanceType()
                        + "\", ...)");
        for (int i = 0; i < spec.channels().size(); i++) {
            Channel channel = spec.channels().get(i);
            storage(v, "channels[" + i + "].uri", channel.uri());
        }
        storage(v, "outputUri", spec.outputUri());
        if (spec.spot() != null) {
            storage(v, "spot.checkpointUri", spec.spot().checkpointUri());
        }
    }

    private static void storage(Violations v, String field, String uri) {
        if (uri.startsWith("pvc://")) {
            v.matches(field, uri, CLAIM, "must be pvc://<claim>/<path>");
        } else {
            v.check(uri.startsWith("s3://"), field, "the Kubernetes backend stages s3:// (with the data-loader image)"
                    + " and pvc://<claim>/<path> URIs, not '" + uri + "'");
        }
    }

    @Override
    public TrainingJobDescription create(TrainingJobSpec spec) {
        List<PlannedRequest> requests = plan(spec);
        String hash = hash(spec);
        Optional<GenericKubernetesResource> existing = job(spec.name());
        if (existing.isPresent()) {
            return existingIfSame(spec.name(), existing.get(), hash);
        }
        for (PlannedRequest request : requests) {
            Map<String, Object> manifest = PlanBodies.revealed(request.body());
            String kind = String.valueOf(manifest.get("kind"));
            try {
                kubernetes.call(() -> switch (kind) {
                    case "ConfigMap" -> client().configMaps().inNamespace(namespace())
                            .resource(convert(manifest, ConfigMap.class)).createOr(NonDeletingOperation::update);
                    case "Secret" -> client().secrets().inNamespace(namespace())
                            .resource(convert(manifest, Secret.class)).createOr(NonDeletingOperation::update);
                    default -> client().genericKubernetesResources(typeOf(kind)).inNamespace(namespace())
                            .resource(convert(manifest, GenericKubernetesResource.class)).create();
                });
            } catch (ConflictException raced) {
                return existingIfSame(spec.name(), job(spec.name()).orElseThrow(() -> raced), hash);
            }
        }
        return describe(spec.name()).orElseThrow();
    }

    private TrainingJobDescription existingIfSame(String name, GenericKubernetesResource existing, String hash) {
        String found = existing.getMetadata().getAnnotations() == null ? null
                : existing.getMetadata().getAnnotations().get(TrainingManifests.HASH);
        if (!hash.equals(found)) {
            throw new ConflictException("kubernetes", "training job '" + name + "' already exists in namespace '"
                    + namespace() + "' with a different spec");
        }
        return describe(existing);
    }

    private ResourceDefinitionContext typeOf(String kind) {
        return jobTypes.stream().filter(t -> t.getKind().equals(kind)).findFirst().orElseThrow();
    }

    private <T> T convert(Map<String, Object> manifest, Class<T> type) {
        return client().getKubernetesSerialization().convertValue(manifest, type);
    }

    /** The job named {@code name}, of whichever kind; kinds whose CRD is not installed count as empty. */
    private Optional<GenericKubernetesResource> job(String name) {
        for (ResourceDefinitionContext type : jobTypes) {
            GenericKubernetesResource found = absentIfUninstalled(() -> client().genericKubernetesResources(type)
                    .inNamespace(namespace()).withName(name).get());
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private <T> @Nullable T absentIfUninstalled(java.util.function.Supplier<T> request) {
        try {
            return kubernetes.call(request);
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    @Override
    public Optional<TrainingJobDescription> describe(String name) {
        return job(name).map(this::describe);
    }

    @SuppressWarnings("unchecked")
    private TrainingJobDescription describe(GenericKubernetesResource job) {
        Map<String, Object> map = client().getKubernetesSerialization().convertValue(job, Map.class);
        TrainingJobDescription light = KubeflowStatus.describe(api, map, Map.of(), null);
        if (!light.status().isTerminal()) {
            return light;
        }
        String name = job.getMetadata().getName();
        Map<String, Double> metrics = light.status() == TrainingJobStatus.COMPLETED ? metrics(job) : Map.of();
        String podFailure = light.status() == TrainingJobStatus.FAILED ? podFailure(leadPod(job)) : null;
        return KubeflowStatus.describe(api, map, metrics, podFailure);
    }

    /** The final value of each metric: the last sample. */
    private Map<String, Double> metrics(GenericKubernetesResource job) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        samples(job).forEach(sample -> metrics.put(sample.name(), sample.value()));
        return metrics;
    }

    /** The metric definitions kept on the job (annotation) applied to the lead pod's log. */
    private List<MetricSample> samples(GenericKubernetesResource job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String json = annotations == null ? null : annotations.get(TrainingManifests.METRICS);
        if (json == null) {
            return List.of();
        }
        List<MetricDefinition> definitions = new ArrayList<>();
        for (Object raw : client().getKubernetesSerialization().unmarshal(json, List.class)) {
            Map<?, ?> d = (Map<?, ?>) raw;
            definitions.add(MetricDefinition.of(String.valueOf(d.get("name")), String.valueOf(d.get("regex"))));
        }
        return new MetricExtractor(definitions).samples(leadLog(leadPod(job)));
    }

    @Override
    public List<MetricSample> metricHistory(String name) {
        return samples(job(name).orElseThrow(() -> new ResourceNotFoundException("kubernetes",
                "training job '" + name + "' does not exist")));
    }

    private @Nullable String podFailure(String leadPod) {
        try {
            Pod pod = client().pods().inNamespace(namespace()).withName(leadPod).get();
            if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                return null;
            }
            return pod.getStatus().getContainerStatuses().stream()
                    .filter(s -> s.getState() != null && s.getState().getTerminated() != null)
                    .map(s -> s.getState().getTerminated().getMessage()).filter(m -> m != null && !m.isBlank())
                    .findFirst().orElse(null);
        } catch (KubernetesClientException e) {
            return null;
        }
    }

    private String leadPod(GenericKubernetesResource job) {
        String name = job.getMetadata().getName();
        return api == KubeflowApi.TRAINER_V2 ? name + "-node-0-0" : KubeflowJobKind.ofKind(job.getKind()).leadPod(name);
    }

    @Override
    public Map<String, TrainingJobDescription> describeAll(Collection<String> names) {
        if (names.size() == 1) {
            String name = names.iterator().next();
            return describe(name).map(d -> Map.of(name, d)).orElse(Map.of());
        }
        Map<String, TrainingJobDescription> found = new HashMap<>();
        for (GenericKubernetesResource job : listJobs()) {
            if (names.contains(job.getMetadata().getName())) {
                found.put(job.getMetadata().getName(), describe(job));
            }
        }
        return found;
    }

    /** One List call per job kind (one in all for Trainer v2). */
    private List<GenericKubernetesResource> listJobs() {
        List<GenericKubernetesResource> jobs = new ArrayList<>();
        for (ResourceDefinitionContext type : jobTypes) {
            var items = absentIfUninstalled(() -> client().genericKubernetesResources(type).inNamespace(namespace())
                    .withLabel(TrainingManifests.MANAGED_BY, TrainingManifests.MLPLANE).list().getItems());
            if (items != null) {
                jobs.addAll(items);
            }
        }
        return jobs;
    }

    @Override
    public List<String> listNames() {
        return listJobs().stream().sorted(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())))
                .map(j -> j.getMetadata().getName()).toList();
    }

    /** Suspends the job: its pods are removed, the job and its status remain. */
    @Override
    public void stop(String name) {
        GenericKubernetesResource job = job(name).orElseThrow(() -> new ResourceNotFoundException("kubernetes",
                "training job '" + name + "' does not exist in namespace '" + namespace() + "'"));
        if (describe(job).status().isTerminal()) {
            return;
        }
        kubernetes.call(() -> client().genericKubernetesResources(typeOf(job.getKind())).inNamespace(namespace()).withName(name)
                .edit(current -> {
                    Map<String, Object> spec = current.get("spec");
                    if (api == KubeflowApi.TRAINER_V2) {
                        spec.put("suspend", true);
                    } else {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> runPolicy = (Map<String, Object>) spec.computeIfAbsent("runPolicy",
                                k -> new LinkedHashMap<>());
                        runPolicy.put("suspend", true);
                    }
                    return current;
                }));
    }

    @Override
    public List<LogEvent> logs(String name) {
        GenericKubernetesResource job = job(name).orElseThrow(() -> new ResourceNotFoundException("kubernetes",
                "training job '" + name + "' does not exist"));
        return leadLog(leadPod(job));
    }

    private List<LogEvent> leadLog(String pod) {
        String text;
        try {
            text = client().pods().inNamespace(namespace()).withName(pod).usingTimestamps().getLog();
        } catch (KubernetesClientException e) {
            return List.of();
        }
        List<LogEvent> events = new ArrayList<>();
        if (text == null) {
            return events;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            Instant at = Instant.EPOCH;
            String message = line;
            if (space > 0) {
                try {
                    at = Instant.parse(line.substring(0, space));
                    message = line.substring(space + 1);
                } catch (RuntimeException e) {
                    // a line without a timestamp
                }
            }
            events.add(new LogEvent(at, message));
        }
        return events;
    }
}
