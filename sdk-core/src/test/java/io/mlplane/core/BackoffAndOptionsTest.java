package io.mlplane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffAndOptionsTest {

    @Test
    void delaysGrowToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), 2.0, 0.0);
        SplittableRandom random = new SplittableRandom(3);

        assertThat(backoff.delay(0, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3, random)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(10, random)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(10_000, random)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void badBackoffsAreRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0)).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0)).hasMessageContaining("maxDelay");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1.0)).hasMessageContaining("jitter");
    }

    @Test
    void waitOptionsCopyAndRejectNegativeTimeouts() {
        StatusListener listener = change -> { };
        WaitOptions options = WaitOptions.builder().timeout(Duration.ofMinutes(5)).listener(listener).build();

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.listeners()).containsExactly(listener);
        assertThat(WaitOptions.of(Duration.ofSeconds(1)).backoff()).as("the backend decides").isNull();
        assertThatThrownBy(() -> WaitOptions.of(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
