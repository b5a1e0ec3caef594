package io.mlplane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlplane.core.spi.Violations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

    @Test
    void everyExceptionIsAnMlExceptionAndOnlyTransientOnesAreRetryable() {
        List<MlException> all = List.of(new ValidationException("s", List.of(new Violation("f", "m"))),
                new UnsupportedFeatureException("PIPE_MODE", "local", "no"), new ResourceNotFoundException("b", "m"),
                new ConflictException("b", "m"), new QuotaExceededException("b", "m"), new BackendException("b", "m"),
                new ThrottledException("b", "m"), new WaitTimeoutException("job", Duration.ofSeconds(1), Map.of("a", "x")),
                new WaitCancelledException("m", null));

        assertThat(all).filteredOn(MlException::retryable).extracting(e -> e.getClass().getSimpleName())
                .containsExactlyInAnyOrder("ThrottledException", "WaitTimeoutException");
        assertThat(new ThrottledException("b", "m").throttled()).isTrue();
        assertThat(new ConflictException("b", "m").throttled()).isFalse();
    }

    @Test
    void backendExceptionsCarryTheirRequestDetailsAndCause() {
        RuntimeException nativeError = new RuntimeException("native");
        ConflictException e = new ConflictException("sagemaker", "ResourceInUse: name taken", "ResourceInUse", "req-1", 400, nativeError);

        assertThat(e.backend()).isEqualTo("sagemaker");
        assertThat(e.errorCode()).isEqualTo("ResourceInUse");
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e).hasCause(nativeError);
    }

    @Test
    void violationsCollectEveryProblemWithNestedPaths() {
        Violations v = Violations.of("Spec 'x'");
        v.required("name", "");
        Violations channel = v.at("channels[2]");
        channel.length("name", "x".repeat(70), 1, 64);
        channel.at("source").range("size", 0, 1, 10);
        v.at("tags").add("['k']", "bad");
        v.check(true, "fine", "never recorded");

        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.fields()).containsExactly("name", "channels[2].name", "channels[2].source.size", "tags['k']");
            assertThat(e.getMessage()).startsWith("Spec 'x' is invalid (4 problems):")
                    .contains("channels[2].name: length must be between 1 and 64 but is 70");
        });
        assertThatThrownBy(() -> new ValidationException("s", List.of())).isInstanceOf(IllegalArgumentException.class);
        Violations clean = Violations.of("ok");
        clean.throwIfAny();
        assertThat(clean.isEmpty()).isTrue();
    }
}
