package io.mlplane.core.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.internal.DefaultBackendContext;
import io.mlplane.core.internal.DefaultMlProvider;
import io.mlplane.core.internal.SynchronizedRandom;
import java.util.EnumSet;
import java.util.Map;

/** Creates Kubernetes providers; use {@link io.mlplane.core.MlProviders#kubernetes}. */
public final class KubernetesProviders {

    /** The backend id. */
    public static final String BACKEND = "kubernetes";

    private KubernetesProviders() {
    }

    /** A provider for {@code config}; the client is created on the first call. */
    public static MlProvider create(KubernetesConfig config) {
        KubernetesContext context = new KubernetesContext(config);
        return new DefaultMlProvider(new DefaultBackendContext(BACKEND, config.timeSource(), SynchronizedRandom.unseeded(),
                Map.of(KubernetesContext.class, context, KubernetesConfig.class, config,
                        KubernetesClient.class, DefaultBackendContext.lazy(context::client))),
                EnumSet.noneOf(Capability.class), context);
    }
}
