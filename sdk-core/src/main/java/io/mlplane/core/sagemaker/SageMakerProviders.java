package io.mlplane.core.sagemaker;

import io.mlplane.core.Capability;
import io.mlplane.core.MlProvider;
import io.mlplane.core.internal.DefaultBackendContext;
import io.mlplane.core.internal.DefaultMlProvider;
import io.mlplane.core.internal.SynchronizedRandom;
import java.util.EnumSet;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Creates SageMaker providers; use {@link io.mlplane.core.MlProviders#sageMaker}. */
public final class SageMakerProviders {

    /** The backend id. */
    public static final String BACKEND = SageMakerErrors.BACKEND;

    private SageMakerProviders() {
    }

    /** A provider whose clients are built now and closed with it. */
    public static MlProvider create(SageMakerConfig config) {
        SageMakerContext context = new SageMakerContext(config);
        Map<Class<?>, Object> natives = Map.of(SageMakerContext.class, context, SageMakerClient.class,
                context.sageMaker(), CloudWatchLogsClient.class, context.logs(), SageMakerConfig.class, config);
        return new DefaultMlProvider(new DefaultBackendContext(BACKEND, config.timeSource(),
                SynchronizedRandom.unseeded(), natives), EnumSet.noneOf(Capability.class), context);
    }
}
