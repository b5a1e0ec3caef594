package io.mlplane.core;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A wait reached its deadline before every awaited resource reached a terminal state. Lists what never got
 * there with the last status seen for each, so the caller can decide to wait longer or give up.
 */
public class WaitTimeoutException extends MlException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> pending;

    /**
     * @param what the kind of resource awaited, for example {@code "training job"}
     * @param timeout the deadline that passed, for the message
     * @param pending name to last observed status of each resource still not done, in a stable order
     */
    public WaitTimeoutException(String what, java.time.Duration timeout, Map<String, String> pending) {
        super("timed out after " + timeout + " waiting for " + pending.size() + " " + what
                + (pending.size() == 1 ? "" : "s") + ": " + describe(pending), null, true);
        this.pending = Map.copyOf(pending);
    }

    /** Name to last observed status of every resource that was still not done. */
    public Map<String, String> pending() {
        return pending;
    }

    private static String describe(Map<String, String> pending) {
        return pending.entrySet().stream().limit(20).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")) + (pending.size() > 20 ? ", ..." : "");
    }
}
