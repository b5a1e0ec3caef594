package io.mlplane.core.sagemaker;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.mlplane.core.MlException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The SageMaker backend's connection, shared by every SageMaker driver of one provider: the AWS clients (built
 * once, closed with the provider) and {@link #call}, the one path every request takes: a client-side rate limit
 * so bulk submits stay under the account's API rate, retries with exponential backoff and jitter for retryable
 * failures only, and translation of AWS exceptions into {@link MlException}s. Permits are handed out every
 * 100 ms (a tenth of the rate each time) rather than once a second, so that no burst exceeds what a
 * server-side token bucket of the same rate allows.
 *
 * <p>The AWS SDK's own retries are switched off so that each request is retried in exactly one place.
 */
public final class SageMakerContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SageMakerContext.class);

    private final SageMakerConfig config;
    private final SageMakerClient sageMaker;
    private final CloudWatchLogsClient logs;
    private final RateLimiter rateLimiter;
    private final Retry retry;

    SageMakerContext(SageMakerConfig config) {
        this.config = config;
        var overrides = software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(config.apiCallAttemptTimeout());
        if (config.overrideConfiguration() != null) {
            config.overrideConfiguration().accept(overrides);
        }
        var builtOverrides = overrides.build();
        var sageMakerBuilder = SageMakerClient.builder().region(Region.of(config.region()))
                .credentialsProvider(config.credentialsProvider()).overrideConfiguration(builtOverrides)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64));
        if (config.endpointOverride() != null) {
            sageMakerBuilder.endpointOverride(config.endpointOverride());
        }
        var logsBuilder = CloudWatchLogsClient.builder().region(Region.of(config.region()))
                .credentialsProvider(config.credentialsProvider()).overrideConfiguration(builtOverrides)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16));
        if (config.logsEndpointOverride() != null) {
            logsBuilder.endpointOverride(config.logsEndpointOverride());
        }
        this.sageMaker = sageMakerBuilder.build();
        this.logs = logsBuilder.build();
        double perSecond = config.maxRequestsPerSecond();
        this.rateLimiter = RateLimiter.of("sagemaker", RateLimiterConfig.custom()
                .limitForPeriod(perSecond >= 10 ? (int) Math.round(perSecond / 10) : 1)
                .limitRefreshPeriod(perSecond >= 10 ? Duration.ofMillis(100) : Duration.ofNanos(Math.round(1e9 / perSecond)))
                .timeoutDuration(Duration.ofDays(1)).build());
        this.retry = Retry.of("sagemaker", RetryConfig.<Object>custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.initialBackoff(), 2.0, 0.5,
                        config.maxBackoff()))
                .retryOnException(e -> e instanceof MlException ml && ml.retryable())
                .failAfterMaxAttempts(false)
                .build());
    }

    /** The configuration. */
    public SageMakerConfig config() {
        return config;
    }

    /** The SageMaker client; calls made on it directly bypass rate limiting, retries and translation. */
    public SageMakerClient sageMaker() {
        return sageMaker;
    }

    /** The CloudWatch Logs client. */
    public CloudWatchLogsClient logs() {
        return logs;
    }

    /**
     * Makes one logical call: waits for a rate-limit permit before every attempt, retries retryable failures with
     * backoff and jitter, and translates AWS exceptions.
     *
     * @param operation the operation name, for logs
     * @throws MlException the translated failure of the last attempt
     */
    public <T> T call(String operation, Supplier<T> request) {
        Supplier<T> attempt = () -> {
            RateLimiter.waitForPermission(rateLimiter);
            try {
                return request.get();
            } catch (SdkException e) {
                MlException translated = SageMakerErrors.translate(e);
                LOG.debug("SageMaker {} failed ({}retryable): {}", operation, translated.retryable() ? "" : "not ",
                        translated.getMessage());
                throw translated;
            }
        };
        return Retry.decorateSupplier(retry, attempt).get();
    }

    @Override
    public void close() {
        sageMaker.close();
        logs.close();
    }
}
