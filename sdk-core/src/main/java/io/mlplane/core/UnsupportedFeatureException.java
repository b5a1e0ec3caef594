package io.mlplane.core;

/**
 * The chosen backend cannot do what was asked: a capability it lacks (Pipe mode on a backend that only mounts
 * files), or a kind of resource it has no driver for. mlplane never silently drops a field instead.
 */
public class UnsupportedFeatureException extends MlException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final String backend;

    /**
     * @param feature the feature, for example {@code "PIPE_MODE"} or {@code "TrainingJob"}
     * @param backend the backend id
     * @param message a full explanation, ideally saying what to do instead
     */
    public UnsupportedFeatureException(String feature, String backend, String message) {
        super(message);
        this.feature = feature;
        this.backend = backend;
    }

    /** The unsupported feature. */
    public String feature() {
        return feature;
    }

    /** The backend that lacks it. */
    public String backend() {
        return backend;
    }
}
