package io.mlplane.training.sagemaker;

import io.mlplane.core.MlProvider;
import io.mlplane.core.MlProviders;
import io.mlplane.core.TimeSource;
import io.mlplane.core.sagemaker.SageMakerConfig;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A SageMaker provider wired to a {@link FakeSageMaker} on loopback. */
public final class SageMakerTestSupport {

    static final String ROLE = "arn:aws:iam::123456789012:role/mlplane-test";

    private SageMakerTestSupport() {
    }

    /** A config pointing at {@code fake}, with quick retries and no practical rate limit. */
    public static SageMakerConfig.Builder config(FakeSageMaker fake, TimeSource time) {
        return SageMakerConfig.builder().region("us-east-1").roleArn(ROLE)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-key")))
                .endpointOverride(fake.endpoint()).logsEndpointOverride(fake.endpoint())
                .backoff(Duration.ofMillis(5), Duration.ofMillis(80)).maxRequestsPerSecond(5000)
                .apiCallAttemptTimeout(Duration.ofSeconds(5)).timeSource(time);
    }

    static MlProvider provider(FakeSageMaker fake, TimeSource time) {
        return MlProviders.sageMaker(config(fake, time).build());
    }
}
