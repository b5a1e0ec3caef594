package io.mlplane.core.local;

import io.mlplane.core.ValidationException;
import io.mlplane.core.spi.Violations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the local backend runs jobs on this machine. Build with {@link #builder()}; everything has a default.
 *
 * @param workDirectory where job directories and records live (default {@code ~/.mlplane/local}); a new
 *     provider on the same directory sees earlier jobs
 * @param maxConcurrentJobs how many jobs run at once; later ones wait in {@code Starting}
 * @param stopGracePeriod how long a stopped or interrupted process has between SIGTERM and SIGKILL
 * @param spotInterruptions when spot jobs are interrupted, to rehearse checkpoint and resume
 * @param spotInterruptionDowntime how long an interrupted job waits for capacity before it restarts (not billed)
 * @param spotBilledShare the share of running time billed for spot jobs (default 0.3, that is 70 % savings),
 *     since nothing is billed locally and results should still show what spot would save
 */
public record LocalConfig(Path workDirectory, int maxConcurrentJobs, Duration stopGracePeriod,
        SpotInterruptionPlan spotInterruptions, Duration spotInterruptionDowntime, double spotBilledShare) {

    /**
     * Checks every field.
     *
     * @throws ValidationException listing every invalid field
     */
    public LocalConfig {
        Violations v = Violations.of("LocalConfig");
        v.required("workDirectory", workDirectory);
        v.range("maxConcurrentJobs", maxConcurrentJobs, 1, 1024);
        v.check(stopGracePeriod != null && !stopGracePeriod.isNegative(), "stopGracePeriod", "must not be negative");
        v.required("spotInterruptions", spotInterruptions);
        v.check(spotInterruptionDowntime != null && !spotInterruptionDowntime.isNegative(), "spotInterruptionDowntime",
                "must not be negative");
        v.check(spotBilledShare > 0 && spotBilledShare <= 1, "spotBilledShare",
                "must be within (0, 1] but is " + spotBilledShare);
        v.throwIfAny();
        workDirectory = workDirectory.toAbsolutePath().normalize();
    }

    /** The defaults. */
    public static LocalConfig defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LocalConfig}. */
    public static final class Builder {
        private Path workDirectory = Path.of(System.getProperty("user.home"), ".mlplane", "local");
        private int maxConcurrentJobs = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Duration stopGracePeriod = Duration.ofSeconds(10);
        private final Map<String, List<Duration>> perJob = new HashMap<>();
        private SpotInterruptionPlan plan = SpotInterruptionPlan.NONE;
        private Duration spotInterruptionDowntime = Duration.ofMillis(500);
        private double spotBilledShare = 0.3;

        private Builder() {
        }

        /** Where jobs live (default {@code ~/.mlplane/local}). */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory == null");
            return this;
        }

        /** How many jobs run at once (default: the number of processors, at least 2). */
        public Builder maxConcurrentJobs(int maxConcurrentJobs) {
            this.maxConcurrentJobs = maxConcurrentJobs;
            return this;
        }

        /** Time between SIGTERM and SIGKILL (default 10 s; SageMaker gives 120 s). */
        public Builder stopGracePeriod(Duration stopGracePeriod) {
            this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod == null");
            return this;
        }

        /** Interrupts spot job {@code jobName} after these amounts of running time. */
        public Builder spotInterruptions(String jobName, Duration... after) {
            perJob.put(Objects.requireNonNull(jobName, "jobName == null"), List.of(after));
            return this;
        }

        /** Decides the interruptions of every job; replaces per-job settings. */
        public Builder spotInterruptions(SpotInterruptionPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan == null");
            perJob.clear();
            return this;
        }

        /** How long an interrupted job waits before restarting (default 500 ms). */
        public Builder spotInterruptionDowntime(Duration downtime) {
            this.spotInterruptionDowntime = Objects.requireNonNull(downtime, "downtime == null");
            return this;
        }

        /** The share of running time billed on spot (default 0.3). */
        public Builder spotBilledShare(double share) {
            this.spotBilledShare = share;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws ValidationException listing every invalid field
         */
        public LocalConfig build() {
            SpotInterruptionPlan effective = plan;
            if (!perJob.isEmpty()) {
                Map<String, List<Duration>> copy = Map.copyOf(perJob);
                SpotInterruptionPlan fallback = plan;
                effective = job -> copy.containsKey(job) ? sorted(copy.get(job)) : fallback.interruptionsFor(job);
            }
            return new LocalConfig(workDirectory, maxConcurrentJobs, stopGracePeriod, effective, spotInterruptionDowntime,
                    spotBilledShare);
        }

        private static List<Duration> sorted(List<Duration> offsets) {
            List<Duration> copy = new ArrayList<>(offsets);
            copy.sort(null);
            return List.copyOf(copy);
        }
    }
}
