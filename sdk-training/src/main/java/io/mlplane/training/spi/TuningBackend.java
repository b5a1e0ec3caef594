package io.mlplane.training.spi;

import io.mlplane.core.PlannedRequest;
import io.mlplane.training.TuningJobDescription;
import io.mlplane.training.TuningJobSpec;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tuning operations of one backend; the SDK adds handles, waiting and interceptors. Same notes for
 * implementers as {@link TrainingBackend}.
 */
public interface TuningBackend {

    /** The requests {@link #create} would send, without side effects. */
    List<PlannedRequest> plan(TuningJobSpec spec);

    /**
     * Creates the tuning job; idempotent for an identical spec.
     *
     * @throws io.mlplane.core.ConflictException if the name is taken by a job with a different spec
     */
    TuningJobDescription create(TuningJobSpec spec);

    /** The job named {@code name}, or empty. */
    Optional<TuningJobDescription> describe(String name);

    /** Many jobs at once; the default asks one by one. */
    default Map<String, TuningJobDescription> describeAll(Collection<String> names) {
        Map<String, TuningJobDescription> found = new HashMap<>();
        for (String name : names) {
            describe(name).ifPresent(d -> found.put(name, d));
        }
        return found;
    }

    /** The names of all tuning jobs. */
    List<String> listNames();

    /**
     * Requests a stop; does nothing if the job has ended.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if there is no such job
     */
    void stop(String name);
}
