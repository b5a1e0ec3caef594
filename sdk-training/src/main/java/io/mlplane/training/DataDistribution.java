package io.mlplane.training;

/** How a channel's data is spread over the instances of a multi-instance job. */
public enum DataDistribution {
    /** Every instance gets all of the data. */
    FULLY_REPLICATED("FullyReplicated"),
    /** Each instance gets a share of the objects (by key). */
    SHARDED_BY_S3_KEY("ShardedByS3Key");

    private final String wireName;

    DataDistribution(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker uses. */
    public String wireName() {
        return wireName;
    }
}
