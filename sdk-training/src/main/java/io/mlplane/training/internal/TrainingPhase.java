package io.mlplane.training.internal;

import io.mlplane.training.SecondaryStatus;
import java.time.Instant;

/** One phase of a simulated job's timeline. */
public record TrainingPhase(SecondaryStatus status, Instant start, String message) {

    /** Whether time spent in this phase counts as running (and so as billed). */
    public boolean running() {
        return status != SecondaryStatus.INTERRUPTED;
    }
}
