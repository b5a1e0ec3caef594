package io.mlplane.training.kubernetes;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.JobScript;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.contract.AbstractTuningContractTest;
import io.mlplane.training.contract.TuningFixture;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The tuning contract on the kubernetes backend: Katib experiments on fabric8's mock API server, with
 * {@link KatibTestController} playing Katib and {@link KubeflowTestController} the training operator. Every
 * Experiment and every trial's training job is checked against its schema when the fixture closes.
 */
class KubernetesTuningContractTest extends AbstractTuningContractTest {

    @Override
    protected TuningFixture createFixture() {
        return new KubernetesTuningFixture();
    }

    /** The Kubernetes training fixture with Katib added. */
    static final class KubernetesTuningFixture implements TuningFixture {

        final KubernetesTrainingFixture cluster = new KubernetesTrainingFixture();
        final KatibTestController katib = new KatibTestController(cluster.clock, cluster.client,
                KubernetesTrainingFixture.NAMESPACE, cluster.controller);

        KubernetesTuningFixture() {
            cluster.controller.afterEachTick(katib::reconcile);
        }

        @Override
        public MlProvider provider() {
            return cluster.provider();
        }

        @Override
        public TrainingJobSpec.Builder template(String tuningJob, String name) {
            return cluster.spec(name).hyperparameter("num_round", 100);
        }

        @Override
        public void objective(String name, Duration runtime, ToDoubleFunction<Map<String, String>> objective) {
            katib.behaviour(name, hp -> new JobScript().completesAfter(runtime)
                    .withMetric("validation:auc", objective.applyAsDouble(hp)).toBehavior());
        }

        @Override
        public void runsForever(String name) {
            katib.behaviour(name, hp -> new JobScript().staysInProgress().toBehavior());
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
