package io.mlplane.core.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlplane.core.MlProvider;
import io.mlplane.core.mock.MockProvider;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@EnableMlMock(seed = 11)
class MlMockExtensionTest {

    MockProvider mock;
    MlProvider asProvider;

    @Test
    void injectsOneFreshProviderIntoFieldsAndParameters(MockProvider parameter) {
        assertThat(mock).isNotNull().isSameAs(asProvider).isSameAs(parameter);
        assertThat(mock.clock().now()).isEqualTo(io.mlplane.core.mock.VirtualClock.EPOCH);
        mock.clock().advance(Duration.ofHours(1));
    }

    @Test
    void eachTestGetsItsOwnProvider() {
        assertThat(mock.clock().now()).isEqualTo(io.mlplane.core.mock.VirtualClock.EPOCH);
        mock.clock().advance(Duration.ofHours(1));
    }

    @Nested
    class InNestedClasses {
        MockProvider inner;

        @Test
        void outerAndInnerFieldsShareTheProvider() {
            assertThat(inner).isNotNull().isSameAs(mock);
        }
    }
}
