package io.mlplane.core.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the annotated class a fresh mock backend, injected into each non-static field of type
 * {@link io.mlplane.core.mock.MockProvider} or {@link io.mlplane.core.MlProvider} and into test method
 * parameters of those types, and closed after the test.
 *
 * <pre>{@code
 * @EnableMlMock
 * class ChurnTrainingTest {
 *     MockProvider ml;
 *
 *     @Test
 *     void trainsOnSpot() {
 *         ml.onJob("churn").interruptedBySpot(1);
 *         ...
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MlMockExtension.class)
public @interface EnableMlMock {

    /** Seed of the mock's randomness (wait jitter), for reproducible runs. */
    long seed() default 0L;
}
