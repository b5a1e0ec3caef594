package io.mlplane.core.local;

import java.time.Duration;
import java.util.List;

/**
 * When the local backend simulates the reclaiming of spot capacity for a job: offsets of running time (not
 * counting earlier interruptions) after which the job's processes get SIGTERM and are restarted with their
 * checkpoints kept. Only spot jobs are interrupted.
 */
@FunctionalInterface
public interface SpotInterruptionPlan {

    /** No interruptions for any job. */
    SpotInterruptionPlan NONE = job -> List.of();

    /** The running-time offsets at which job {@code jobName} is interrupted, ascending. */
    List<Duration> interruptionsFor(String jobName);
}
