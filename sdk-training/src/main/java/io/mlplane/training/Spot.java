package io.mlplane.training;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Managed spot training: run on spare capacity for a fraction of the price, accepting interruptions. The job
 * may take up to {@code maxWait} in total (waiting for capacity plus running), which must be at least the
 * job's max runtime; checkpoints written to {@code checkpointLocalPath} are synced to {@code checkpointUri}
 * so that an interrupted job resumes instead of starting over (your training code must read them on start).
 *
 * @param maxWait the total time the job may take, at least the job's max runtime
 * @param checkpointUri where checkpoints are kept, {@code s3://...} or {@code file://...}
 * @param checkpointLocalPath where the container writes checkpoints
 */
public record Spot(@Nullable Duration maxWait, @Nullable String checkpointUri, String checkpointLocalPath) {

    /** Where containers write checkpoints unless told otherwise. */
    public static final String DEFAULT_CHECKPOINT_LOCAL_PATH = "/opt/ml/checkpoints";

    /** Rejects a null local path; ranges are checked by {@link TrainingJobSpec}. */
    public Spot {
        Objects.requireNonNull(checkpointLocalPath, "checkpointLocalPath == null");
    }

    /** A builder; {@code maxWait} and {@code checkpointUri} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return builder().maxWait(maxWait).checkpointUri(checkpointUri).checkpointLocalPath(checkpointLocalPath);
    }

    /** Builds {@link Spot}. */
    public static final class Builder {
        private @Nullable Duration maxWait;
        private @Nullable String checkpointUri;
        private String checkpointLocalPath = DEFAULT_CHECKPOINT_LOCAL_PATH;

        private Builder() {
        }

        /** The total time the job may take, waiting for capacity included. */
        public Builder maxWait(@Nullable Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /** Where checkpoints are kept. */
        public Builder checkpointUri(@Nullable String checkpointUri) {
            this.checkpointUri = checkpointUri;
            return this;
        }

        /** Where the container writes checkpoints (default {@value Spot#DEFAULT_CHECKPOINT_LOCAL_PATH}). */
        public Builder checkpointLocalPath(String checkpointLocalPath) {
            this.checkpointLocalPath = Objects.requireNonNull(checkpointLocalPath, "checkpointLocalPath == null");
            return this;
        }

        /** The spot settings. */
        public Spot build() {
            return new Spot(maxWait, checkpointUri, checkpointLocalPath);
        }
    }
}
