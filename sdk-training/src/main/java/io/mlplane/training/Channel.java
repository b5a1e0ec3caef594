package io.mlplane.training;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One named input of a training job (for example {@code train} or {@code validation}): where the data is and
 * how the container reads it. Create with {@link #builder()}; fields are validated, with their paths, when the
 * enclosing {@link TrainingJobSpec} is built.
 *
 * @param name the channel name the container sees, {@code [A-Za-z0-9.\-_]{1,64}}
 * @param uri where the data is: {@code s3://bucket/prefix}, {@code file:///path} (local backend) or
 *     {@code pvc://claim/path} (Kubernetes backend)
 * @param contentType the MIME type of the data, or {@code null}
 * @param compression how the objects are compressed
 * @param inputMode how the channel is read, or {@code null} to use the job's default
 * @param distribution how data is spread over instances
 * @param shuffleSeed a seed to shuffle object order with on every epoch, or {@code null} for no shuffling
 */
public record Channel(String name, String uri, @Nullable String contentType, Compression compression,
        @Nullable InputMode inputMode, DataDistribution distribution, @Nullable Long shuffleSeed) {

    /** Rejects nulls where a value is required; ranges are checked by {@link TrainingJobSpec}. */
    public Channel {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(uri, "uri == null");
        Objects.requireNonNull(compression, "compression == null");
        Objects.requireNonNull(distribution, "distribution == null");
    }

    /** A builder; {@code name} and {@code uri} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this channel's values. */
    public Builder toBuilder() {
        return builder().name(name).uri(uri).contentType(contentType).compression(compression).inputMode(inputMode)
                .distribution(distribution).shuffleSeed(shuffleSeed);
    }

    /** The input mode in effect when the job's default is {@code jobDefault}. */
    public InputMode effectiveInputMode(InputMode jobDefault) {
        return inputMode != null ? inputMode : jobDefault;
    }

    /** Builds a {@link Channel}. */
    public static final class Builder {
        private String name = "";
        private String uri = "";
        private @Nullable String contentType;
        private Compression compression = Compression.NONE;
        private @Nullable InputMode inputMode;
        private DataDistribution distribution = DataDistribution.FULLY_REPLICATED;
        private @Nullable Long shuffleSeed;

        private Builder() {
        }

        /** The channel name, for example {@code "train"}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** Where the data is: {@code s3://bucket/prefix/} or {@code file:///data/train}. */
        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri == null");
            return this;
        }

        /** The MIME type, for example {@code "text/csv"}. */
        public Builder contentType(@Nullable String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** The compression of the objects (default {@link Compression#NONE}). */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression == null");
            return this;
        }

        /** The input mode of this channel, overriding the job's default. */
        public Builder inputMode(@Nullable InputMode inputMode) {
            this.inputMode = inputMode;
            return this;
        }

        /** How data is spread over instances (default {@link DataDistribution#FULLY_REPLICATED}). */
        public Builder distribution(DataDistribution distribution) {
            this.distribution = Objects.requireNonNull(distribution, "distribution == null");
            return this;
        }

        /** Shuffle the objects on every epoch with this seed. */
        public Builder shuffleSeed(@Nullable Long shuffleSeed) {
            this.shuffleSeed = shuffleSeed;
            return this;
        }

        /** The channel. */
        public Channel build() {
            return new Channel(name, uri, contentType, compression, inputMode, distribution, shuffleSeed);
        }
    }
}
