package io.mlplane.core.sagemaker;

import io.mlplane.core.TimeSource;
import io.mlplane.core.ValidationException;
import io.mlplane.core.spi.Violations;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * How to reach Amazon SageMaker: region, credentials, the execution role jobs run as, defaults applied to
 * every request, and the client-side retry and rate limits. Build with {@link #builder()}; {@code region} and
 * {@code roleArn} are required. Credentials are resolved only when a call is made, so {@code plan()} needs
 * none.
 *
 * <pre>{@code
 * MlProvider ml = MlProviders.sageMaker(SageMakerConfig.builder()
 *         .region("us-east-1").roleArn("arn:aws:iam::123456789012:role/ml").build());
 * }</pre>
 *
 * @param region the AWS region, for example {@code us-east-1}
 * @param roleArn the IAM role SageMaker assumes to run jobs
 * @param credentialsProvider where credentials come from (default: the AWS default chain)
 * @param endpointOverride send SageMaker requests here instead (tests, VPC endpoints), or {@code null}
 * @param logsEndpointOverride send CloudWatch Logs requests here instead, or {@code null}
 * @param defaultTags tags added to every created resource (a spec's own tags win)
 * @param defaultKmsKeyId the KMS key for volumes and outputs when a spec sets none, or {@code null}
 * @param defaultSecurityGroupIds security groups for specs without a VPC config (with subnets), or empty
 * @param defaultSubnets subnets for specs without a VPC config (with security groups), or empty
 * @param maxAttempts how many times a retryable call is tried in total, at least 1
 * @param initialBackoff the first retry delay; later ones double, with jitter
 * @param maxBackoff the cap on a retry delay
 * @param maxRequestsPerSecond the client-side rate limit over all SageMaker calls of this provider
 * @param apiCallAttemptTimeout how long one HTTP attempt may take
 * @param overrideConfiguration further AWS client settings, applied last, or {@code null}
 * @param timeSource the clock and sleeper of waits (default: real time; tests pass a virtual clock)
 */
public record SageMakerConfig(String region, String roleArn, AwsCredentialsProvider credentialsProvider,
        @Nullable URI endpointOverride, @Nullable URI logsEndpointOverride, Map<String, String> defaultTags,
        @Nullable String defaultKmsKeyId, List<String> defaultSecurityGroupIds, List<String> defaultSubnets,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, double maxRequestsPerSecond,
        Duration apiCallAttemptTimeout, @Nullable Consumer<ClientOverrideConfiguration.Builder> overrideConfiguration,
        TimeSource timeSource) {

    /** The service model's pattern for role ARNs. */
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /**
     * Checks every field.
     *
     * @throws ValidationException listing every invalid field
     */
    public SageMakerConfig {
        defaultTags = Collections.unmodifiableMap(new LinkedHashMap<>(defaultTags));
        defaultSecurityGroupIds = List.copyOf(defaultSecurityGroupIds);
        defaultSubnets = List.copyOf(defaultSubnets);
        Violations v = Violations.of("SageMakerConfig");
        if (v.required("region", region)) {
            v.matches("region", region, REGION, "must be an AWS region such as us-east-1");
        }
        if (v.required("roleArn", roleArn) && v.length("roleArn", roleArn, 20, 2048)) {
            v.matches("roleArn", roleArn, ROLE_ARN, "must be an IAM role ARN such as arn:aws:iam::123456789012:role/ml");
        }
        v.required("credentialsProvider", credentialsProvider);
        v.check(defaultSecurityGroupIds.isEmpty() == defaultSubnets.isEmpty(), "defaultSubnets",
                "default security groups and subnets go together: set both or neither");
        v.range("maxAttempts", maxAttempts, 1, 20);
        v.check(initialBackoff != null && !initialBackoff.isNegative() && !initialBackoff.isZero(), "initialBackoff",
                "must be positive");
        v.check(maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff",
                "must be at least initialBackoff");
        v.check(maxRequestsPerSecond > 0 && maxRequestsPerSecond <= 10_000, "maxRequestsPerSecond",
                "must be within (0, 10000] but is " + maxRequestsPerSecond);
        v.check(apiCallAttemptTimeout != null && !apiCallAttemptTimeout.isNegative() && !apiCallAttemptTimeout.isZero(),
                "apiCallAttemptTimeout", "must be positive");
        v.required("timeSource", timeSource);
        v.throwIfAny();
    }

    /** A builder with the defaults: AWS default credentials, 8 attempts from 200 ms to 20 s, 10 requests per second. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = builder().region(region).roleArn(roleArn).credentialsProvider(credentialsProvider)
                .endpointOverride(endpointOverride).logsEndpointOverride(logsEndpointOverride).defaultTags(defaultTags)
                .defaultKmsKeyId(defaultKmsKeyId).defaultVpc(defaultSecurityGroupIds, defaultSubnets)
                .maxAttempts(maxAttempts).backoff(initialBackoff, maxBackoff).maxRequestsPerSecond(maxRequestsPerSecond)
                .apiCallAttemptTimeout(apiCallAttemptTimeout).timeSource(timeSource);
        b.overrideConfiguration = overrideConfiguration;
        return b;
    }

    @Override
    public String toString() {
        return "SageMakerConfig[region=" + region + ", roleArn=" + roleArn + ", endpointOverride=" + endpointOverride
                + ", maxAttempts=" + maxAttempts + ", maxRequestsPerSecond=" + maxRequestsPerSecond + "]";
    }

    /** Builds a {@link SageMakerConfig}. */
    public static final class Builder {
        private String region = "";
        private String roleArn = "";
        private AwsCredentialsProvider credentialsProvider;
        private @Nullable URI endpointOverride;
        private @Nullable URI logsEndpointOverride;
        private final Map<String, String> defaultTags = new LinkedHashMap<>();
        private @Nullable String defaultKmsKeyId;
        private List<String> defaultSecurityGroupIds = List.of();
        private List<String> defaultSubnets = List.of();
        private int maxAttempts = 8;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private double maxRequestsPerSecond = 10;
        private Duration apiCallAttemptTimeout = Duration.ofSeconds(30);
        private @Nullable Consumer<ClientOverrideConfiguration.Builder> overrideConfiguration;
        private TimeSource timeSource = TimeSource.system();

        private Builder() {
        }

        /** The AWS region (required). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region == null");
            return this;
        }

        /** The execution role ARN (required). */
        public Builder roleArn(String roleArn) {
            this.roleArn = Objects.requireNonNull(roleArn, "roleArn == null");
            return this;
        }

        /** Where credentials come from (default: the AWS default chain, resolved at the first call). */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider == null");
            return this;
        }

        /** Sends SageMaker requests to this endpoint. */
        public Builder endpointOverride(@Nullable URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Sends CloudWatch Logs requests to this endpoint. */
        public Builder logsEndpointOverride(@Nullable URI logsEndpointOverride) {
            this.logsEndpointOverride = logsEndpointOverride;
            return this;
        }

        /** Adds a tag applied to every created resource. */
        public Builder defaultTag(String key, String value) {
            defaultTags.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
            return this;
        }

        /** Replaces the default tags. */
        public Builder defaultTags(Map<String, String> tags) {
            defaultTags.clear();
            tags.forEach(this::defaultTag);
            return this;
        }

        /** The KMS key used when a spec sets none. */
        public Builder defaultKmsKeyId(@Nullable String defaultKmsKeyId) {
            this.defaultKmsKeyId = defaultKmsKeyId;
            return this;
        }

        /** The VPC used when a spec sets none. */
        public Builder defaultVpc(List<String> securityGroupIds, List<String> subnets) {
            this.defaultSecurityGroupIds = List.copyOf(securityGroupIds);
            this.defaultSubnets = List.copyOf(subnets);
            return this;
        }

        /** Total tries of a retryable call (default 8). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first and the largest retry delay (default 200 ms and 20 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial == null");
            this.maxBackoff = Objects.requireNonNull(max, "max == null");
            return this;
        }

        /** The client-side rate limit over all SageMaker calls (default 10 per second). */
        public Builder maxRequestsPerSecond(double maxRequestsPerSecond) {
            this.maxRequestsPerSecond = maxRequestsPerSecond;
            return this;
        }

        /** How long one HTTP attempt may take (default 30 s). */
        public Builder apiCallAttemptTimeout(Duration timeout) {
            this.apiCallAttemptTimeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        /** Further AWS client settings, applied after mlplane's own. */
        public Builder overrideConfiguration(Consumer<ClientOverrideConfiguration.Builder> overrides) {
            this.overrideConfiguration = Objects.requireNonNull(overrides, "overrides == null");
            return this;
        }

        /** The clock and sleeper of waits; tests pass a {@link io.mlplane.core.mock.VirtualClock}. */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource == null");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws ValidationException listing every invalid field
         */
        public SageMakerConfig build() {
            AwsCredentialsProvider credentials = credentialsProvider != null ? credentialsProvider
                    : DefaultCredentialsProvider.builder().build();
            return new SageMakerConfig(region, roleArn, credentials, endpointOverride, logsEndpointOverride,
                    defaultTags, defaultKmsKeyId, defaultSecurityGroupIds, defaultSubnets, maxAttempts,
                    initialBackoff, maxBackoff, maxRequestsPerSecond, apiCallAttemptTimeout, overrideConfiguration,
                    timeSource);
        }
    }
}
