package io.mlplane.training;

/** How the objects of a channel are compressed. */
public enum Compression {
    /** Not compressed. */
    NONE("None"),
    /** Gzip, decompressed by the platform (Pipe mode only on SageMaker). */
    GZIP("Gzip");

    private final String wireName;

    Compression(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker uses. */
    public String wireName() {
        return wireName;
    }
}
