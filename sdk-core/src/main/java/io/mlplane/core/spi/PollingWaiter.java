package io.mlplane.core.spi;

import io.mlplane.core.Backoff;
import io.mlplane.core.CancellationToken;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.StatusChange;
import io.mlplane.core.StatusListener;
import io.mlplane.core.TimeSource;
import io.mlplane.core.WaitCancelledException;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one waiting mechanism of mlplane: polls any number of resources with one batch call per tick, backs off
 * exponentially with jitter, honours a deadline and a {@link CancellationToken}, and tells listeners about
 * every status change it sees. Time comes from the backend's {@link TimeSource}, so waits on the mock
 * backend's virtual clock finish at once.
 */
public final class PollingWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWaiter.class);

    private PollingWaiter() {
    }

    /**
     * Waits until every resource in {@code names} is terminal.
     *
     * @param context the backend's context (time, randomness, backend id)
     * @param kind the kind of resource for messages and events, for example {@code "training job"}
     * @param names the resources to await; duplicates are ignored
     * @param probe observes them
     * @param options deadline, backoff, listeners and cancellation
     * @return the terminal observations and the number of polls
     * @throws WaitTimeoutException if the deadline passes first; it lists what was still pending
     * @throws WaitCancelledException if the token was cancelled or the thread interrupted
     * @throws ResourceNotFoundException if a resource disappeared
     */
    public static <T> WaitOutcome<T> await(BackendContext context, String kind, Collection<String> names,
            StatusProbe<T> probe, WaitOptions options) {
        TimeSource time = context.timeSource();
        Instant deadline = saturatedPlus(time.now(), options.timeout());
        Set<String> pending = new LinkedHashSet<>(names);
        Map<String, String> lastStatus = new HashMap<>();
        Map<String, T> terminal = new HashMap<>();
        int polls = 0;
        Backoff backoff = options.backoff() != null ? options.backoff() : context.defaultBackoff();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            checkCancelled(options.cancellation(), kind);
            Map<String, T> observed = probe.poll(pending);
            polls++;
            Instant now = time.now();
            for (var it = pending.iterator(); it.hasNext();) {
                String name = it.next();
                T observation = observed.get(name);
                if (observation == null) {
                    throw new ResourceNotFoundException(context.backend(), kind + " '" + name + "' disappeared while waiting");
                }
                String status = probe.status(observation);
                String previous = lastStatus.put(name, status);
                if (!status.equals(previous)) {
                    notify(options, new StatusChange(kind, name, previous, status, now));
                }
                if (probe.isTerminal(observation)) {
                    terminal.put(name, observation);
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (!now.isBefore(deadline)) {
                Map<String, String> stillPending = new LinkedHashMap<>();
                pending.forEach(name -> stillPending.put(name, lastStatus.get(name)));
                throw new WaitTimeoutException(kind, options.timeout(), stillPending);
            }
            Duration delay = backoff.delay(attempt, context.random());
            Duration untilDeadline = Duration.between(now, deadline);
            sleep(time, delay.compareTo(untilDeadline) < 0 ? delay : untilDeadline, kind);
        }
        Map<String, T> ordered = new LinkedHashMap<>();
        for (String name : names) {
            ordered.put(name, terminal.get(name));
        }
        return new WaitOutcome<>(ordered, polls);
    }

    private static void notify(WaitOptions options, StatusChange change) {
        for (StatusListener listener : options.listeners()) {
            try {
                listener.onStatusChange(change);
            } catch (RuntimeException e) {
                LOG.warn("status listener {} failed on {}; ignoring", listener, change, e);
            }
        }
    }

    private static void checkCancelled(@Nullable CancellationToken token, String kind) {
        if (token != null && token.isCancelled()) {
            throw new WaitCancelledException("wait for " + kind + " cancelled", null);
        }
    }

    private static void sleep(TimeSource time, Duration delay, String kind) {
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitCancelledException("interrupted while waiting for " + kind, e);
        }
    }

    private static Instant saturatedPlus(Instant start, Duration timeout) {
        try {
            return start.plus(timeout);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Instant.MAX;
        }
    }
}
