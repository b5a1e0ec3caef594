package io.mlplane.training;

import java.util.Locale;

/**
 * The detailed phase of a training job, as SageMaker reports it. Backends may add phases over time, so
 * unknown names map to {@link #UNKNOWN} instead of failing.
 */
public enum SecondaryStatus {
    STARTING("Starting"),
    LAUNCHING_ML_INSTANCES("LaunchingMLInstances"),
    PREPARING_TRAINING_STACK("PreparingTrainingStack"),
    DOWNLOADING("Downloading"),
    DOWNLOADING_TRAINING_IMAGE("DownloadingTrainingImage"),
    TRAINING("Training"),
    UPLOADING("Uploading"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    MAX_RUNTIME_EXCEEDED("MaxRuntimeExceeded"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    /** Spot capacity was reclaimed; the job will restart from its last checkpoint. */
    INTERRUPTED("Interrupted"),
    /** A spot job ran out of its total allowed time (waiting included). */
    MAX_WAIT_TIME_EXCEEDED("MaxWaitTimeExceeded"),
    UPDATING("Updating"),
    RESTARTING("Restarting"),
    PENDING("Pending"),
    /** A phase this version of mlplane does not know. */
    UNKNOWN("Unknown");

    private final String wireName;

    SecondaryStatus(String wireName) {
        this.wireName = wireName;
    }

    /** SageMaker's name for the phase. */
    public String wireName() {
        return wireName;
    }

    /** The phase with SageMaker's name {@code wireName}, or {@link #UNKNOWN}; case-insensitive. */
    public static SecondaryStatus fromWireName(String wireName) {
        for (SecondaryStatus status : values()) {
            if (status.wireName.toLowerCase(Locale.ROOT).equals(wireName.toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
