package io.mlplane.training.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.kubernetes.KubernetesConfig;
import io.mlplane.core.mock.JobScript;
import io.mlplane.core.mock.VirtualClock;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.ScriptedTrainingFixture;
import java.util.function.UnaryOperator;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The Kubernetes backend against fabric8's mock API server (CRUD mode, on loopback), with
 * {@link KubeflowTestController} playing the training operator on a virtual clock. Every manifest the backend
 * applies is checked against the upstream CRD schema when the fixture closes.
 */
final class KubernetesTrainingFixture extends ScriptedTrainingFixture {

    static final String NAMESPACE = "ml";

    final VirtualClock clock = VirtualClock.create();
    final KubernetesMockServer server;
    final KubernetesClient client;
    final KubeflowTestController controller;
    final MlProvider provider;

    KubernetesTrainingFixture() {
        this(b -> b);
    }

    KubernetesTrainingFixture(java.util.function.UnaryOperator<KubernetesConfig.Builder> configure) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        List<CustomResourceDefinitionContext> crds = new java.util.ArrayList<>();
        for (KubeflowJobKind kind : KubeflowJobKind.values()) {
            crds.add(new CustomResourceDefinitionContext.Builder().withGroup("kubeflow.org").withVersion("v1")
                    .withKind(kind.kind).withPlural(kind.plural).withScope("Namespaced").build());
        }
        crds.add(new CustomResourceDefinitionContext.Builder().withGroup("trainer.kubeflow.org").withVersion("v1alpha1")
                .withKind("TrainJob").withPlural("trainjobs").withScope("Namespaced").build());
        for (var katib : List.of(KubernetesTuningBackend.EXPERIMENTS, KubernetesTuningBackend.TRIALS)) {
            crds.add(new CustomResourceDefinitionContext.Builder().withGroup(katib.getGroup()).withVersion(katib.getVersion())
                    .withKind(katib.getKind()).withPlural(katib.getPlural()).withScope("Namespaced").build());
        }
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses, crds), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        controller = new KubeflowTestController(clock, server, client, NAMESPACE);
        provider = MlProviders.kubernetes(configure.apply(KubernetesConfig.builder().namespace(NAMESPACE).client(client)
                .timeSource(controller)).build());
    }

    @Override
    public MlProvider provider() {
        return provider;
    }

    @Override
    public TrainingJobSpec.Builder spec(String name) {
        return baseSpec(name);
    }

    @Override
    protected void script(String name, UnaryOperator<JobScript> how) {
        controller.script(name, how.apply(new JobScript()).toBehavior());
    }

    @Override
    public boolean reportsEveryPhase() {
        return false;
    }

    @Override
    public void close() {
        List<String> problems = CrdSchemas.validateAll(client, NAMESPACE);
        provider.close();
        client.close();
        server.destroy();
        assertThat(problems).as("applied objects that break their schema").isEmpty();
    }
}
