package io.mlplane.training;

/** How a training container reads a channel. */
public enum InputMode {
    /** Downloaded to the instance's volume before training starts. */
    FILE("File"),
    /** Streamed through a FIFO while training runs; no volume needed for the data. */
    PIPE("Pipe"),
    /** Mounted on demand: looks like files, streams like Pipe. */
    FAST_FILE("FastFile");

    private final String wireName;

    InputMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name SageMaker uses, for example {@code "Pipe"}. */
    public String wireName() {
        return wireName;
    }
}
