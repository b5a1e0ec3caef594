package io.mlplane.training;

/** The status of a tuning job. */
public enum TuningJobStatus {
    /** Trials are running or about to. */
    IN_PROGRESS("InProgress"),
    /** All trials ran (or the tuner decided it was done). */
    COMPLETED("Completed"),
    /** The tuning job itself failed. */
    FAILED("Failed"),
    /** A stop was requested and is under way. */
    STOPPING("Stopping"),
    /** Stopped before it finished. */
    STOPPED("Stopped");

    private final String wireName;

    TuningJobStatus(String wireName) {
        this.wireName = wireName;
    }

    /** SageMaker's name for the status. */
    public String wireName() {
        return wireName;
    }

    /** Whether the job will not change status again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }
}
