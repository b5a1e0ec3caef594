package io.mlplane.training.spi;

import io.mlplane.core.Resource;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.core.spi.ResourceDriver;
import io.mlplane.core.spi.ResourceDriverFactory;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.internal.TrainingJobDriver;

/**
 * Base class for registering a {@link TrainingBackend}: subclasses name the backend and its capabilities and
 * create the backend; this class wraps it into the driver that hands out {@link TrainingJob} handles.
 */
public abstract class TrainingDriverFactory implements ResourceDriverFactory {

    @Override
    public final Class<? extends Resource> resourceType() {
        return TrainingJob.class;
    }

    @Override
    public final ResourceDriver<?> create(BackendContext context) {
        return new TrainingJobDriver(context, createBackend(context));
    }

    /** The backend's training operations for one provider. */
    protected abstract TrainingBackend createBackend(BackendContext context);
}
