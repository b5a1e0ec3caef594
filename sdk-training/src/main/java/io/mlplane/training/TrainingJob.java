package io.mlplane.training;

import io.mlplane.core.Resource;
import io.mlplane.core.WaitOptions;
import io.mlplane.training.internal.TrainingWaits;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A handle to a training job on some backend, returned by {@code MlProvider.submit(TrainingJobSpec)}. Every
 * query asks the backend afresh; nothing is cached. An interface, so tests can stub it.
 */
public interface TrainingJob extends Resource {

    /**
     * The job as the backend reports it now.
     *
     * @throws io.mlplane.core.ResourceNotFoundException if the job no longer exists
     */
    TrainingJobDescription describe();

    /** The current primary status. */
    default TrainingJobStatus status() {
        return describe().status();
    }

    /** Every phase the job went through so far, oldest first. */
    default List<StatusTransition> statusHistory() {
        return describe().statusHistory();
    }

    /**
     * Waits until the job is completed, failed or stopped, with the default backoff.
     *
     * @throws io.mlplane.core.WaitTimeoutException if it is still running after {@code timeout}
     */
    default TrainingResult awaitCompletion(Duration timeout) {
        return awaitCompletion(WaitOptions.of(timeout));
    }

    /**
     * Waits until the job is completed, failed or stopped.
     *
     * @throws io.mlplane.core.WaitTimeoutException if it is still running at the deadline
     * @throws io.mlplane.core.WaitCancelledException if the wait was cancelled or interrupted
     */
    TrainingResult awaitCompletion(WaitOptions options);

    /**
     * Asks the backend to stop the job; it goes through {@link TrainingJobStatus#STOPPING} to
     * {@link TrainingJobStatus#STOPPED}. Does nothing if the job has already ended.
     */
    void stop();

    /** The job's log lines so far, oldest first. */
    List<LogEvent> logs();

    /**
     * Every metric value the job has reported so far, oldest first: the metric definitions applied to its
     * output, as SageMaker does (the last value of each metric is its final value).
     */
    List<MetricSample> metricHistory();

    /**
     * Waits for many jobs at once, asking each backend for all of their statuses in one batch call per tick
     * (instead of one call per job per tick).
     *
     * @return one result per job, in the order given
     * @throws io.mlplane.core.WaitTimeoutException if some are still running at the deadline; it lists them
     */
    static List<TrainingResult> awaitAll(Collection<? extends TrainingJob> jobs, WaitOptions options) {
        return TrainingWaits.awaitAll(jobs, options);
    }

    /** {@link #awaitAll(Collection, WaitOptions)} with the default backoff. */
    static List<TrainingResult> awaitAll(Collection<? extends TrainingJob> jobs, Duration timeout) {
        return awaitAll(jobs, WaitOptions.of(timeout));
    }
}
