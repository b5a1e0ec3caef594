package io.mlplane.training.spi;

import io.mlplane.core.Resource;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.core.spi.ResourceDriver;
import io.mlplane.core.spi.ResourceDriverFactory;
import io.mlplane.training.TuningJob;
import io.mlplane.training.internal.TuningJobDriver;

/** Base class for registering a {@link TuningBackend}, as {@link TrainingDriverFactory} does for training. */
public abstract class TuningDriverFactory implements ResourceDriverFactory {

    @Override
    public final Class<? extends Resource> resourceType() {
        return TuningJob.class;
    }

    @Override
    public final ResourceDriver<?> create(BackendContext context) {
        return new TuningJobDriver(context, createBackend(context));
    }

    /** The backend's tuning operations for one provider. */
    protected abstract TuningBackend createBackend(BackendContext context);
}
