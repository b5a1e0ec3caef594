package io.mlplane.training.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.mlplane.core.TimeSource;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.MockBehavior;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.SecondaryStatus;
import io.mlplane.training.StatusTransition;
import io.mlplane.training.internal.TrainingTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the Kubeflow Training Operator v1 against the mock API server, on a virtual clock: every time a wait
 * sleeps, it walks each PyTorchJob's, XGBoostJob's and TFJob's status conditions along the job's scripted timeline, the way the
 * operator sets them (one condition per type, replaced when it changes; Running and Restarting exclude each
 * other), honours {@code runPolicy.suspend}, and serves the master pod's log and termination message.
 */
final class KubeflowTestController implements TimeSource {

    static final ResourceDefinitionContext PYTORCH_JOBS = KubeflowJobKind.PYTORCH.context();

    private final VirtualClock clock;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, MockBehavior> scripts = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> suspendedAt = new ConcurrentHashMap<>();
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final List<Runnable> afterEachTick = new java.util.concurrent.CopyOnWriteArrayList<>();

    KubeflowTestController(VirtualClock clock, KubernetesMockServer server, KubernetesClient client, String namespace) {
        this.clock = clock;
        this.server = server;
        this.client = client;
        this.namespace = namespace;
    }

    /** Runs {@code controller} after the training jobs have been reconciled on every tick (Katib, for example). */
    void afterEachTick(Runnable controller) {
        afterEachTick.add(controller);
    }

    void script(String job, MockBehavior behavior) {
        scripts.put(job, behavior);
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        clock.sleep(duration);
        reconcile();
        afterEachTick.forEach(Runnable::run);
    }

    synchronized void reconcile() {
        Instant now = clock.now();
        for (KubeflowJobKind kind : KubeflowJobKind.values()) {
            for (GenericKubernetesResource job : client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                    .list().getItems()) {
                reconcile(kind, job, now);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void reconcile(KubeflowJobKind kind, GenericKubernetesResource job, Instant now) {
        String name = job.getMetadata().getName();
        Instant created = firstSeen.computeIfAbsent(name, n -> now);
        Map<String, Object> spec = job.get("spec");
        Map<String, Object> runPolicy = (Map<String, Object>) spec.getOrDefault("runPolicy", Map.of());
        long deadline = ((Number) runPolicy.getOrDefault("activeDeadlineSeconds", 86_400)).longValue();
        boolean spot = "true".equals(job.getMetadata().getAnnotations().get(TrainingManifests.SPOT));
        MockBehavior behavior = scripts.getOrDefault(name, new JobScript().toBehavior());
        TrainingTimeline timeline = TrainingTimeline.of(spot, Duration.ofDays(28), null, behavior, created);
        if (Boolean.TRUE.equals(runPolicy.get("suspend"))) {
            timeline = timeline.stoppedAt(suspendedAt.computeIfAbsent(name, n -> now));
        }
        Instant deadlineAt = created.plusSeconds(deadline);
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (StatusTransition t : timeline.historyAt(now.isAfter(deadlineAt) ? deadlineAt : now)) {
            String type = switch (t.status()) {
                case STARTING -> "Created";
                case TRAINING -> "Running";
                case INTERRUPTED -> "Restarting";
                case COMPLETED -> "Succeeded";
                case FAILED -> "Failed";
                case STOPPED -> "Suspended";
                default -> null;
            };
            if (type != null) {
                set(conditions, type, null, t.status() == SecondaryStatus.FAILED ? t.message() : "", t.startTime());
            }
        }
        boolean terminal = timeline.isTerminalAt(now);
        if (now.isAfter(deadlineAt) && !terminal) {
            set(conditions, "Failed", "DeadlineExceeded", "PyTorchJob " + name + " is active more than " + deadline + "s", deadlineAt);
            terminal = true;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conditions", conditions);
        status.put("startTime", created.truncatedTo(ChronoUnit.SECONDS).toString());
        if (terminal && timeline.end() != null) {
            status.put("completionTime", timeline.end().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (!status.equals(job.getAdditionalProperties().get("status"))) {
            job.setAdditionalProperty("status", status);
            client.genericKubernetesResources(kind.context()).inNamespace(namespace).resource(job).update();
        }
        if (terminal && published.add(name)) {
            publishPod(kind, name, behavior, timeline);
        }
    }

    /** Sets a condition as the operator does: replaces the old one of its type and keeps the list in order. */
    private static void set(List<Map<String, Object>> conditions, String type, String reason, String message, Instant at) {
        conditions.removeIf(c -> c.get("type").equals(type));
        for (Map<String, Object> c : conditions) {
            boolean exclusive = (type.equals("Running") && c.get("type").equals("Restarting"))
                    || (type.equals("Restarting") && c.get("type").equals("Running"))
                    || ((type.equals("Succeeded") || type.equals("Failed") || type.equals("Suspended")) && c.get("type").equals("Running"));
            if (exclusive) {
                c.put("status", "False");
            }
        }
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", "True");
        if (reason != null) {
            condition.put("reason", reason);
        }
        condition.put("message", message);
        condition.put("lastUpdateTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
        condition.put("lastTransitionTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
        conditions.add(condition);
    }

    /** The master pod's log (metrics as name=value lines) and, for failures, its termination message. */
    private void publishPod(KubeflowJobKind kind, String job, MockBehavior behavior, TrainingTimeline timeline) {
        StringBuilder log = new StringBuilder();
        Instant at = timeline.start();
        for (StatusTransition t : timeline.historyAt(clock.now())) {
            log.append(t.startTime()).append(' ').append(t.status().wireName()).append(" - ").append(t.message()).append('\n');
        }
        behavior.logLines().forEach(line -> log.append(at).append(' ').append(line).append('\n'));
        behavior.metrics().forEach((metric, value) -> log.append(timeline.end()).append(' ').append(metric).append('=')
                .append(value).append('\n'));
        String pod = kind.leadPod(job);
        server.expect().get().withPath("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log?pretty=false&timestamps=true")
                .andReturn(200, log.toString()).always();
        if (behavior.outcome() == MockBehavior.Outcome.FAIL) {
            client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(pod).endMetadata()
                    .withNewStatus().addNewContainerStatus().withName(kind.container).withNewState().withNewTerminated()
                    .withExitCode(1).withMessage(behavior.failureReason()).endTerminated().endState().endContainerStatus()
                    .endStatus().build()).create();
        }
    }
}
