package io.mlplane.training.mock;

import io.mlplane.training.SecondaryStatus;
import java.time.Instant;

/** One phase of a simulated job's timeline. */
record Phase(SecondaryStatus status, Instant start, String message) {

    /** Whether time spent in this phase counts as running (and so as billed). */
    boolean running() {
        return status != SecondaryStatus.INTERRUPTED;
    }
}
