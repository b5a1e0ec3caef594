package io.mlplane.training.kubernetes;

import io.mlplane.core.Capability;
import io.mlplane.core.kubernetes.KubernetesContext;
import io.mlplane.core.kubernetes.KubernetesProviders;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.training.spi.TuningBackend;
import io.mlplane.training.spi.TuningDriverFactory;
import java.util.EnumSet;
import java.util.Set;

/** Registers hyperparameter tuning jobs on Kubernetes, as Katib experiments. */
public final class KubernetesTuningDriverFactory extends TuningDriverFactory {

    @Override
    public String backend() {
        return KubernetesProviders.BACKEND;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.HYPERPARAMETER_TUNING);
    }

    @Override
    protected TuningBackend createBackend(BackendContext context) {
        return new KubernetesTuningBackend(context.unwrap(KubernetesContext.class));
    }
}
