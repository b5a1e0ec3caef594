package io.mlplane.training;

import io.mlplane.core.MlException;

/**
 * A training job ended without completing: it failed or was stopped. Carries the full
 * {@link TrainingResult}, including the failure reason and the last status. Thrown by
 * {@link TrainingResult#orThrow()}.
 */
public class TrainingFailedException extends MlException {

    private static final long serialVersionUID = 1L;

    private final transient TrainingResult result;

    /** @param result the result of the job that did not complete */
    public TrainingFailedException(TrainingResult result) {
        super("training job '" + result.jobName() + "' ended " + result.status().wireName() + "/"
                + result.secondaryStatus().wireName()
                + (result.failureReason() == null ? "" : ": " + result.failureReason()));
        this.result = result;
    }

    /** The result of the job. */
    public TrainingResult result() {
        return result;
    }
}
