package io.mlplane.training.internal;

import io.mlplane.core.PlannedRequest;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.spi.BackendContext;
import io.mlplane.core.spi.PollingWaiter;
import io.mlplane.core.spi.ResourceDriver;
import io.mlplane.core.spi.StatusProbe;
import io.mlplane.core.spi.WaitOutcome;
import io.mlplane.training.LogEvent;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import io.mlplane.training.spi.TrainingBackend;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link TrainingBackend} into the driver of {@link TrainingJob} handles: every backend call passes the
 * interceptor chain, and waiting uses the shared {@link PollingWaiter} with one batch call per tick.
 */
public final class TrainingJobDriver implements ResourceDriver<TrainingJob> {

    static final String KIND = "training job";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobDriver.class);

    private final BackendContext context;
    private final TrainingBackend backend;
    private final StatusProbe<TrainingJobDescription> probe = new StatusProbe<>() {
        @Override
        public Map<String, TrainingJobDescription> poll(Collection<String> names) {
            return describeAll(names);
        }

        @Override
        public boolean isTerminal(TrainingJobDescription observation) {
            return observation.status().isTerminal();
        }

        @Override
        public String status(TrainingJobDescription observation) {
            return observation.statusText();
        }
    };

    public TrainingJobDriver(BackendContext context, TrainingBackend backend) {
        this.context = context;
        this.backend = backend;
    }

    @Override
    public List<PlannedRequest> plan(ResourceSpec<TrainingJob> spec) {
        TrainingJobSpec training = cast(spec);
        return context.call("training.plan", 1, () -> backend.plan(training));
    }

    @Override
    public TrainingJob submit(ResourceSpec<TrainingJob> spec) {
        TrainingJobSpec training = cast(spec);
        TrainingJobDescription created = context.call("training.create", 1, () -> backend.create(training));
        LOG.debug("training job '{}' submitted to '{}': {}", created.name(), context.backend(), created.statusText());
        return handle(created.name());
    }

    @Override
    public Optional<TrainingJob> get(String name) {
        return describe(name).map(d -> handle(d.name()));
    }

    @Override
    public List<TrainingJob> list() {
        return context.call("training.list", 0, backend::listNames).stream().map(this::handle).toList();
    }

    String backendId() {
        return context.backend();
    }

    Optional<TrainingJobDescription> describe(String name) {
        return context.call("training.describe", 1, () -> backend.describe(name));
    }

    TrainingJobDescription require(String name) {
        return describe(name).orElseThrow(() -> notFound(name));
    }

    Map<String, TrainingJobDescription> describeAll(Collection<String> names) {
        return context.call("training.describeAll", names.size(), () -> backend.describeAll(names));
    }

    void stop(String name) {
        context.call("training.stop", 1, () -> {
            backend.stop(name);
            return null;
        });
    }

    List<io.mlplane.training.MetricSample> metricHistory(String name) {
        return context.call("training.metricHistory", 1, () -> backend.metricHistory(name));
    }

    List<LogEvent> logs(String name) {
        return context.call("training.logs", 1, () -> backend.logs(name));
    }

    WaitOutcome<TrainingJobDescription> await(Collection<String> names, WaitOptions options) {
        return PollingWaiter.await(context, KIND, names, probe, options);
    }

    ResourceNotFoundException notFound(String name) {
        return new ResourceNotFoundException(context.backend(), KIND + " '" + name + "' does not exist");
    }

    private TrainingJob handle(String name) {
        return new DefaultTrainingJob(name, this);
    }

    private static TrainingJobSpec cast(ResourceSpec<TrainingJob> spec) {
        if (spec instanceof TrainingJobSpec training) {
            return training;
        }
        throw new IllegalArgumentException("training jobs are submitted as TrainingJobSpec, not " + spec.getClass());
    }
}
