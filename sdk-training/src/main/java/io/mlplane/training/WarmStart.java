package io.mlplane.training;

import java.util.List;
import java.util.Objects;

/**
 * Starts a tuning job from what earlier tuning jobs learned.
 *
 * @param parents 1 to 5 earlier tuning jobs
 * @param type how the earlier jobs relate to this one
 */
public record WarmStart(List<String> parents, Type type) {

    /** How the parents relate to the new job. */
    public enum Type {
        /** Same data and training image; only the ranges or trial counts change. */
        IDENTICAL_DATA_AND_ALGORITHM("IdenticalDataAndAlgorithm"),
        /** Different data, image or parameters: their results are used as prior knowledge. */
        TRANSFER_LEARNING("TransferLearning");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** SageMaker's name for the type. */
        public String wireName() {
            return wireName;
        }
    }

    /** Copies the parents. */
    public WarmStart {
        parents = List.copyOf(parents);
        Objects.requireNonNull(type, "type == null");
    }

    /** Warm start from jobs with identical data and algorithm. */
    public static WarmStart identicalDataAndAlgorithm(String... parents) {
        return new WarmStart(List.of(parents), Type.IDENTICAL_DATA_AND_ALGORITHM);
    }

    /** Warm start by transfer learning from {@code parents}. */
    public static WarmStart transferLearning(String... parents) {
        return new WarmStart(List.of(parents), Type.TRANSFER_LEARNING);
    }
}
