package io.mlplane.training.internal;

import io.mlplane.core.WaitOptions;
import io.mlplane.core.WaitTimeoutException;
import io.mlplane.core.spi.WaitOutcome;
import io.mlplane.training.TrainingJob;
import io.mlplane.training.TrainingJobDescription;
import io.mlplane.training.TrainingResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Waits for many training jobs with one batch poll per backend per tick. */
public final class TrainingWaits {

    private TrainingWaits() {
    }

    /** See {@link TrainingJob#awaitAll(java.util.Collection, WaitOptions)}. */
    public static List<TrainingResult> awaitAll(java.util.Collection<? extends TrainingJob> jobs, WaitOptions options) {
        Map<TrainingJobDriver, Set<String>> byDriver = new IdentityHashMap<>();
        List<TrainingJob> foreign = new ArrayList<>();
        for (TrainingJob job : jobs) {
            if (job instanceof DefaultTrainingJob own) {
                byDriver.computeIfAbsent(own.driver(), d -> new LinkedHashSet<>()).add(own.name());
            } else {
                foreign.add(job);
            }
        }
        Map<TrainingJob, TrainingResult> results = new HashMap<>();
        Map<String, String> pending = new LinkedHashMap<>();
        Instant start = Instant.now();
        for (Map.Entry<TrainingJobDriver, Set<String>> group : byDriver.entrySet()) {
            try {
                WaitOutcome<TrainingJobDescription> outcome = group.getKey().await(group.getValue(),
                        remaining(options, start));
                for (TrainingJob job : jobs) {
                    if (job instanceof DefaultTrainingJob own && own.driver() == group.getKey()) {
                        results.put(job, TrainingResult.of(outcome.results().get(own.name()), outcome.polls()));
                    }
                }
            } catch (WaitTimeoutException timedOut) {
                pending.putAll(timedOut.pending());
            }
        }
        for (TrainingJob job : foreign) {
            try {
                results.put(job, job.awaitCompletion(remaining(options, start)));
            } catch (WaitTimeoutException timedOut) {
                pending.putAll(timedOut.pending());
            }
        }
        if (!pending.isEmpty()) {
            // Every group was still looked at once, so the exception names all that is not done, not the first group's.
            throw new WaitTimeoutException(TrainingJobDriver.KIND, options.timeout(), pending);
        }
        return jobs.stream().map(results::get).toList();
    }

    /**
     * The options with the timeout reduced by the real time already spent on earlier groups (virtual clocks
     * spend none, which is right: their time is their own).
     */
    private static WaitOptions remaining(WaitOptions options, Instant start) {
        Duration spent = Duration.between(start, Instant.now());
        Duration left = options.timeout().minus(spent);
        return options.toBuilder().timeout(left.isNegative() ? Duration.ZERO : left).build();
    }
}
