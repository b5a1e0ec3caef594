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
import io.mlplane.training.TuningJob;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import io.mlplane.training.TuningResult;
import io.mlplane.training.spi.TuningBackend;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link TuningBackend} into the driver of {@link TuningJob} handles. */
public final class TuningJobDriver implements ResourceDriver<TuningJob> {

    private static final String KIND = "tuning job";

    private final BackendContext context;
    private final TuningBackend backend;
    private final StatusProbe<TuningJobDescription> probe = new StatusProbe<>() {
        @Override
        public Map<String, TuningJobDescription> poll(Collection<String> names) {
            return context.call("tuning.describeAll", names.size(), () -> backend.describeAll(names));
        }

        @Override
        public boolean isTerminal(TuningJobDescription observation) {
            return observation.status().isTerminal();
        }

        @Override
        public String status(TuningJobDescription observation) {
            return observation.statusText();
        }
    };

    public TuningJobDriver(BackendContext context, TuningBackend backend) {
        this.context = context;
        this.backend = backend;
    }

    @Override
    public List<PlannedRequest> plan(ResourceSpec<TuningJob> spec) {
        TuningJobSpec tuning = cast(spec);
        return context.call("tuning.plan", 1, () -> backend.plan(tuning));
    }

    @Override
    public TuningJob submit(ResourceSpec<TuningJob> spec) {
        TuningJobSpec tuning = cast(spec);
        return handle(context.call("tuning.create", 1, () -> backend.create(tuning)).name());
    }

    @Override
    public Optional<TuningJob> get(String name) {
        return describe(name).map(d -> handle(d.name()));
    }

    @Override
    public List<TuningJob> list() {
        return context.call("tuning.list", 0, backend::listNames).stream().map(this::handle).toList();
    }

    private Optional<TuningJobDescription> describe(String name) {
        return context.call("tuning.describe", 1, () -> backend.describe(name));
    }

    private TuningJob handle(String name) {
        return new TuningJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String backend() {
                return context.backend();
            }

            @Override
            public TuningJobDescription describe() {
                return TuningJobDriver.this.describe(name).orElseThrow(() -> new ResourceNotFoundException(
                        context.backend(), KIND + " '" + name + "' does not exist"));
            }

            @Override
            public TuningResult awaitCompletion(WaitOptions options) {
                WaitOutcome<TuningJobDescription> outcome = PollingWaiter.await(context, KIND, List.of(name), probe, options);
                return TuningResult.of(outcome.results().get(name), outcome.polls());
            }

            @Override
            public void stop() {
                context.call("tuning.stop", 1, () -> {
                    backend.stop(name);
                    return null;
                });
            }

            @Override
            public String toString() {
                return "TuningJob[" + name + " on " + context.backend() + "]";
            }
        };
    }

    private static TuningJobSpec cast(ResourceSpec<TuningJob> spec) {
        if (spec instanceof TuningJobSpec tuning) {
            return tuning;
        }
        throw new IllegalArgumentException("tuning jobs are submitted as TuningJobSpec, not " + spec.getClass());
    }
}
