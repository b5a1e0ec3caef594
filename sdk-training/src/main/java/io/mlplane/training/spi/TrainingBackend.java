package io.mlplane.training.spi;

import io.mlplane.core.PlannedRequest;
import io.mlplane.training.LogEvent;
import io.mlplane.training.MetricSample;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingJobSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training operations of one backend. Implementations translate specs into the backend's requests and
 * its answers into {@link TrainingJobDescription}s; the SDK adds handles, waiting and interceptors.
 *
 * <p>Notes for implementers: do not cache statuses; check backend limits in {@link #plan} and {@link #create}
 * and report them all in one {@link io.mlplane.core.ValidationException}; translate every native failure into
 * an {@link io.mlplane.core.MlException}.
 */
public interface TrainingBackend {

    /** The requests {@link #create} would send, without side effects. */
    List<PlannedRequest> plan(TrainingJobSpec spec);

    /**
     * Creates the job. Idempotent: if a job of that name exists with an identical spec, returns it.
     *
     * @throws io.mlplane.core.ConflictException if the name is taken by a job with a different spec
     */
    TrainingJobDescription create(TrainingJobSpec spec);

    /** The job named {@code name}, or empty. */
    Optional<TrainingJobDescription> describe(String name);

    /**
     * Many jobs at once; names that do not exist are left out. Backends that can list in one call should;
     * the default asks one by one.
     */
    default Map<String, TrainingJobDescription> describeAll(Collection<String> names) {
        Map<String, TrainingJobDescription> found = new java.util.HashMap<>();
        for (String name : names) {
            describe(name).ifPresent(d -> found.put(name, d));
        }
        return found;
    }

    /** The names of all training jobs on the backend. */
    List<String> listNames();

    /**
     * Requests a stop; does nothing if the job has already ended.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if there is no such job
     */
    void stop(String name);

    /**
     * The job's metric values so far, oldest first.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if there is no such job
     */
    List<MetricSample> metricHistory(String name);

    /**
     * The job's logs so far.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if there is no such job
     */
    List<LogEvent> logs(String name);
}
