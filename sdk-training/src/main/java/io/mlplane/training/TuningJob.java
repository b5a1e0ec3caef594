package io.mlplane.training;

import io.mlplane.core.Resource;
import io.mlplane.core.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A handle to a hyperparameter tuning job, returned by {@code MlProvider.submit(TuningJobSpec)}. Every query
 * asks the backend afresh. Waits report progress to their listeners: each status change carries the number of
 * finished trials and the best objective value so far.
 */
public interface TuningJob extends Resource {

    /**
     * The job as the backend reports it now.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if the job no longer exists
     */
    TuningJobDescription describe();

    /** The current status. */
    default TuningJobStatus status() {
        return describe().status();
    }

    /** Every trial so far. */
    default List<Trial> trials() {
        return describe().trials();
    }

    /** The best trial so far. */
    default Optional<Trial> bestTrial() {
        return Optional.ofNullable(describe().bestTrial());
    }

    /**
     * Waits until the job has ended, with the backend's polling pace.
     *
     * @throws io.mlplane.core.WaitTimeoutException if it is still running after {@code timeout}
     */
    default TuningResult awaitCompletion(Duration timeout) {
        return awaitCompletion(WaitOptions.of(timeout));
    }

    /** Waits until the job has ended. */
    TuningResult awaitCompletion(WaitOptions options);

    /** Stops the job and its running trials; does nothing if it has ended. */
    void stop();
}
