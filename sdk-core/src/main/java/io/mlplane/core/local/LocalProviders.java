package io.mlplane.core.local;

import io.mlplane.core.Backoff;
import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.TimeSource;
import io.mlplane.core.internal.DefaultBackendContext;
import io.mlplane.core.internal.DefaultMlProvider;
import io.mlplane.core.internal.SynchronizedRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/** Creates local providers; use {@link io.mlplane.core.MlProviders#local()}. */
public final class LocalProviders {

    /** The backend id. */
    public static final String BACKEND = "local";

    /** Local jobs are observed from memory, so waits poll quickly. */
    static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(25), Duration.ofSeconds(1), 1.5, 0.2);

    private LocalProviders() {
    }

    /** A provider running jobs on this machine under {@code config}. */
    public static MlProvider create(LocalConfig config) {
        LocalContext context = new LocalContext(config);
        return new DefaultMlProvider(new DefaultBackendContext(BACKEND, TimeSource.system(), SynchronizedRandom.unseeded(),
                Map.of(LocalContext.class, context, LocalConfig.class, config), DEFAULT_BACKOFF),
                EnumSet.noneOf(Capability.class), context);
    }
}
