package io.mlplane.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.Backoff;
import io.mlplane.core.CancellationToken;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.StatusChange;
import io.mlplane.core.WaitCancelledException;
import io.mlplane.core.WaitOptions;
import io.mlplane.core.WaitTimeoutException;
import io.mlplane.core.internal.DefaultBackendContext;
import io.mlplane.core.mock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollingWaiterTest {

    private final VirtualClock clock = VirtualClock.create();
    private final BackendContext context = new DefaultBackendContext("test", clock, new SplittableRandom(1), Map.of());

    /** Resources that finish at given instants; records every poll. */
    private final class Finishing implements StatusProbe<String> {
        final Map<String, Instant> doneAt = new HashMap<>();
        final List<Collection<String>> polls = new ArrayList<>();
        final List<Instant> pollTimes = new ArrayList<>();

        Finishing finishes(String name, Duration after) {
            doneAt.put(name, clock.now().plus(after));
            return this;
        }

        @Override
        public Map<String, String> poll(Collection<String> names) {
            polls.add(List.copyOf(names));
            pollTimes.add(clock.now());
            Map<String, String> result = new HashMap<>();
            for (String name : names) {
                if (doneAt.containsKey(name)) {
                    result.put(name, clock.now().isBefore(doneAt.get(name)) ? "Running" : "Done");
                }
            }
            return result;
        }

        @Override
        public boolean isTerminal(String observation) {
            return observation.equals("Done");
        }

        @Override
        public String status(String observation) {
            return observation;
        }
    }

    @Test
    void pollsAllPendingResourcesInOneBatchPerTickAndDropsFinishedOnes() {
        Finishing probe = new Finishing().finishes("a", Duration.ofSeconds(10)).finishes("b", Duration.ofMinutes(5));

        WaitOutcome<String> outcome = PollingWaiter.await(context, "thing", List.of("b", "a"), probe,
                WaitOptions.builder().timeout(Duration.ofHours(1)).backoff(Backoff.fixed(Duration.ofSeconds(5))).build());

        assertThat(outcome.results()).containsExactly(Map.entry("b", "Done"), Map.entry("a", "Done"));
        assertThat(outcome.polls()).isEqualTo(probe.polls.size());
        assertThat(probe.polls.get(0)).containsExactly("b", "a");
        assertThat(probe.polls.get(probe.polls.size() - 1)).containsExactly("b");
        assertThat(outcome.polls()).isEqualTo(61); // t = 0, 5, ..., 300 s
    }

    @Test
    void backsOffExponentiallyWithinTheJitterBandUpToTheCap() {
        Finishing probe = new Finishing().finishes("slow", Duration.ofHours(1));
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.25);

        PollingWaiter.await(context, "thing", List.of("slow"), probe,
                WaitOptions.builder().timeout(Duration.ofHours(2)).backoff(backoff).build());

        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < probe.pollTimes.size(); i++) {
            gaps.add(Duration.between(probe.pollTimes.get(i - 1), probe.pollTimes.get(i)));
        }
        for (int i = 0; i < gaps.size(); i++) {
            double base = Math.min(1000.0 * Math.pow(2, i), 30_000.0);
            assertThat(gaps.get(i).toMillis()).as("gap %d", i).isBetween((long) (base * 0.75) - 1, (long) (base * 1.25) + 1);
        }
        assertThat(gaps.stream().distinct().count()).as("jitter spreads the delays").isGreaterThan(gaps.size() / 2);
        assertThat(probe.pollTimes.size()).isBetween(115, 140);
    }

    @Test
    void theDeadlineEndsTheWaitWithEveryPendingResourceAndItsLastStatus() {
        Finishing probe = new Finishing().finishes("quick", Duration.ofSeconds(1)).finishes("never", Duration.ofDays(9));

        assertThatThrownBy(() -> PollingWaiter.await(context, "job", List.of("quick", "never"), probe,
                WaitOptions.of(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.pending()).containsExactly(Map.entry("never", "Running"));
                    assertThat(e).hasMessageContaining("timed out after PT10M waiting for 1 job: never (Running)");
                });
        assertThat(probe.pollTimes.get(probe.pollTimes.size() - 1)).as("last poll exactly at the deadline")
                .isEqualTo(VirtualClock.EPOCH.plus(Duration.ofMinutes(10)));
    }

    @Test
    void listenersHearEachChangeOnceAndABrokenListenerDoesNotStopTheWait() {
        Finishing probe = new Finishing().finishes("x", Duration.ofMinutes(2));
        List<StatusChange> changes = new ArrayList<>();

        PollingWaiter.await(context, "job", List.of("x"), probe, WaitOptions.builder().timeout(Duration.ofHours(1))
                .listener(c -> {
                    throw new IllegalStateException("listener bug");
                }).listener(changes::add).build());

        assertThat(changes).extracting(StatusChange::previous, StatusChange::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "Running"),
                        org.assertj.core.groups.Tuple.tuple("Running", "Done"));
        assertThat(changes.get(1).at()).isAfterOrEqualTo(VirtualClock.EPOCH.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aCancelledTokenEndsTheWait() {
        Finishing probe = new Finishing().finishes("x", Duration.ofHours(1));
        CancellationToken token = CancellationToken.create();
        token.cancel();

        assertThatThrownBy(() -> PollingWaiter.await(context, "job", List.of("x"), probe,
                WaitOptions.builder().cancellation(token).build())).isInstanceOf(WaitCancelledException.class);
        assertThat(probe.polls).isEmpty();
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheInterruptFlag() {
        Finishing probe = new Finishing().finishes("x", Duration.ofHours(1));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> PollingWaiter.await(context, "job", List.of("x"), probe, WaitOptions.of(Duration.ofHours(2))))
                    .isInstanceOf(WaitCancelledException.class).hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aResourceThatDisappearsIsNotFound() {
        Finishing probe = new Finishing();

        assertThatThrownBy(() -> PollingWaiter.await(context, "job", List.of("ghost"), probe, WaitOptions.of(Duration.ofHours(1))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e).hasMessageContaining("ghost");
                    assertThat(e.backend()).isEqualTo("test");
                });
    }

    @Test
    void realTimeWaitsReallyWait() {
        BackendContext real = new DefaultBackendContext("real", io.mlplane.core.TimeSource.system(), new SplittableRandom(), Map.of());
        Instant doneAt = Instant.now().plusMillis(60);
        StatusProbe<String> probe = new StatusProbe<>() {
            @Override
            public Map<String, String> poll(Collection<String> names) {
                return Map.of("r", Instant.now().isBefore(doneAt) ? "Running" : "Done");
            }

            @Override
            public boolean isTerminal(String o) {
                return o.equals("Done");
            }

            @Override
            public String status(String o) {
                return o;
            }
        };

        WaitOutcome<String> outcome = PollingWaiter.await(real, "r", List.of("r"), probe, WaitOptions.builder()
                .timeout(Duration.ofSeconds(10)).backoff(Backoff.fixed(Duration.ofMillis(10))).build());

        assertThat(outcome.results()).containsEntry("r", "Done");
        assertThat(Instant.now()).isAfterOrEqualTo(doneAt);
    }
}
