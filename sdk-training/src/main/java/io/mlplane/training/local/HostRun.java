package io.mlplane.training.local;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One host's training program while it runs: a process, or an in-process algorithm on a thread. */
interface HostRun {

    /** Whether it has ended. */
    boolean done();

    /** Why it failed, or {@code null} if it ended well (only meaningful once {@link #done()}). */
    @Nullable String failure();

    /** Asks it to end (SIGTERM; for an algorithm, {@code stopRequested()}), then forces it after {@code grace}. */
    void terminate(Duration grace);
}
