package io.mlplane.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.mlplane.core.ConflictException;
import io.mlplane.core.Plan;
import io.mlplane.core.ValidationException;
import io.mlplane.core.mock.MockProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A canary secret set as a secret environment variable never shows in toString(), plans, logs or errors. */
class SecretRedactionTest {

    private static final String CANARY = "canary-7f3a9c2e-do-not-print";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level previousLevel;

    @BeforeEach
    void captureAllLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(captured);
        root.setLevel(previousLevel);
    }

    private static TrainingJobSpec.Builder spec(String name) {
        return TrainingJobSpec.builder().name(name).image("registry.example/train:1").instanceType("ml.g5.xlarge")
                .outputUri("s3://bucket/out/").environment("MODE", "prod").secretEnvironment("DB_PASSWORD", CANARY);
    }

    @Test
    void theCanaryNeverLeaks() {
        TrainingJobSpec spec = spec("secretive").build();
        try (MockProvider ml = MockProvider.create()) {
            Plan plan = ml.plan(spec);
            TrainingJob job = ml.submit(spec);
            TrainingResult result = job.awaitCompletion(Duration.ofHours(2));
            assertThatThrownBy(() -> ml.submit(spec("secretive").hyperparameter("x", "1").build()))
                    .isInstanceOf(ConflictException.class);

            assertThat(spec.toString()).doesNotContain(CANARY).contains("DB_PASSWORD=****").contains("MODE=prod");
            assertThat(spec.environment().toString()).doesNotContain(CANARY);
            assertThat(plan.toJson()).doesNotContain(CANARY).contains("\"DB_PASSWORD\" : \"****\"");
            assertThat(plan.toString()).doesNotContain(CANARY);
            assertThat(plan.requests().get(0).toString()).doesNotContain(CANARY);
            assertThat(result.toString()).doesNotContain(CANARY);
            assertThat(job.describe().toString()).doesNotContain(CANARY);
            assertThat(job.logs()).noneSatisfy(e -> assertThat(e.message()).contains(CANARY));
        }
        // the real value still reaches the backend side
        assertThat(spec.environment()).anySatisfy(v -> assertThat(v.value()).isEqualTo(CANARY));

        assertThat(captured.list).as("the lifecycle logged something, so the check below is meaningful").isNotEmpty();
        assertThat(captured.list).noneSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains(CANARY);
        });
        assertThat(captured.list).noneSatisfy(event -> {
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).contains(CANARY);
            } else {
                throw new AssertionError("no throwable");
            }
        });
    }

    @Test
    void validationErrorsAboutASecretDoNotQuoteIt() {
        String longSecret = CANARY + "x".repeat(600);

        assertThatThrownBy(() -> spec("secretive").secretEnvironment("API_TOKEN", longSecret).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fields()).containsExactly("environment['API_TOKEN']");
                    assertThat(e.getMessage()).doesNotContain(CANARY);
                });
    }
}
