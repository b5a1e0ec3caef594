package io.mlplane.training;

/** The primary status of a training job. */
public enum TrainingJobStatus {
    /** Starting, downloading, training or uploading; see the secondary status. */
    IN_PROGRESS("InProgress"),
    /** Finished successfully; the model artifact is available. */
    COMPLETED("Completed"),
    /** Finished unsuccessfully; see the failure reason. */
    FAILED("Failed"),
    /** A stop was requested (by the user or by a runtime limit) and is under way. */
    STOPPING("Stopping"),
    /** Stopped before it finished. */
    STOPPED("Stopped");

    private final String wireName;

    TrainingJobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** SageMaker's name for the status, for example {@code "InProgress"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the job will never change status again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
