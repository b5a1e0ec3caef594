package io.mlplane.core.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.Capability;
import io.mlplane.core.MlProviders;
import io.mlplane.core.Resource;
import io.mlplane.core.ResourceSpec;
import io.mlplane.core.UnsupportedFeatureException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mock provider with no feature module on the class path (sdk-core alone). */
class MockProviderCoreTest {

    interface Gizmo extends Resource {
    }

    record GizmoSpec(String name) implements ResourceSpec<Gizmo> {
        @Override
        public Class<Gizmo> resourceType() {
            return Gizmo.class;
        }

        @Override
        public Set<Capability> requiredCapabilities() {
            return Set.of(Capability.PIPE_MODE);
        }
    }

    @Test
    void aKindWithoutADriverIsUnsupportedAndTheMessageSaysWhatToAdd() {
        try (MockProvider ml = MlProviders.mock()) {
            assertThat(ml.backend()).isEqualTo("mock");
            assertThat(ml.capabilities().supported()).isEmpty();
            assertThatThrownBy(() -> ml.submit(new GizmoSpec("g"))).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                assertThat(e.feature()).isEqualTo("Gizmo");
                assertThat(e.backend()).isEqualTo("mock");
                assertThat(e).hasMessageContaining("no driver for Gizmo").hasMessageContaining("ServiceLoader");
            });
            assertThatThrownBy(() -> ml.list(Gizmo.class)).isInstanceOf(UnsupportedFeatureException.class);
            assertThat(ml.submittedSpecs()).isEmpty();
        }
    }

    @Test
    void unwrapHandsOutTheMockStateAndRefusesOtherTypes() {
        try (MockProvider ml = MockProvider.create()) {
            assertThat(ml.unwrap(VirtualClock.class)).isSameAs(ml.clock());
            assertThat(ml.unwrap(MockContext.class).clock()).isSameAs(ml.clock());
            assertThatThrownBy(() -> ml.unwrap(String.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.String");
        }
    }

    @Test
    void theVirtualClockMovesOnlyWhenToldOrSleptOn() throws InterruptedException {
        VirtualClock clock = VirtualClock.create();
        assertThat(clock.now()).isEqualTo(VirtualClock.EPOCH);

        clock.sleep(Duration.ofHours(2));
        clock.advance(Duration.ofMinutes(1));

        assertThat(clock.now()).isEqualTo(VirtualClock.EPOCH.plus(Duration.ofMinutes(121)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptsValidateTheirArguments() {
        try (MockProvider ml = MockProvider.create()) {
            assertThatThrownBy(() -> ml.onJob("x").completesAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ml.onJob("x").interruptedBySpot(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(ml.onJob("x")).isSameAs(ml.onJob("x"));
            assertThat(ml.onJob("x").withMetric("m", 1.0).toBehavior().metrics()).containsEntry("m", 1.0);
        }
    }
}
