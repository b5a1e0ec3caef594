package io.mlplane.core.sagemaker;

import io.mlplane.core.BackendException;
import io.mlplane.core.ConflictException;
import io.mlplane.core.MlException;
import io.mlplane.core.QuotaExceededException;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.ThrottledException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK exceptions into mlplane's: throttling is retryable {@link ThrottledException},
 * {@code ResourceInUse} / {@code ConflictException} a {@link ConflictException}, {@code ResourceLimitExceeded} a
 * {@link QuotaExceededException}, {@code ResourceNotFound} (and SageMaker's "could not find" validation errors)
 * a {@link ResourceNotFoundException}, server errors and transport failures retryable
 * {@link BackendException}s, everything else a non-retryable {@link BackendException} with the service's
 * message. The native exception is always the cause.
 */
public final class SageMakerErrors {

    static final String BACKEND = "sagemaker";

    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException", "InternalFailure",
            "InternalServerError", "InternalServerException", "ServiceUnavailable");

    private SageMakerErrors() {
    }

    /** The mlplane exception for {@code failure}. */
    public static MlException translate(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return translateService(service);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        boolean transport = failure instanceof SdkClientException;
        return new BackendException(BACKEND, "call to SageMaker failed before an answer: " + message, null, null, 0,
                failure, transport || failure.retryable());
    }

    private static MlException translateService(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String serviceMessage = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
        String message = (code == null ? "" : code + ": ") + serviceMessage;
        String requestId = e.requestId();
        int status = e.statusCode();
        if (e.isThrottlingException() || (code != null && THROTTLING.contains(code))) {
            return new ThrottledException(BACKEND, message, code, requestId, status, e);
        }
        if (code != null) {
            switch (code) {
                case "ResourceInUse", "ConflictException" -> {
                    return new ConflictException(BACKEND, message, code, requestId, status, e);
                }
                case "ResourceLimitExceeded" -> {
                    return new QuotaExceededException(BACKEND, message, code, requestId, status, e);
                }
                case "ResourceNotFound", "ResourceNotFoundException" -> {
                    return new ResourceNotFoundException(BACKEND, message, code, requestId, status, e);
                }
                case "ValidationException" -> {
                    if (serviceMessage.toLowerCase(Locale.ROOT).contains("could not find")) {
                        return new ResourceNotFoundException(BACKEND, message, code, requestId, status, e);
                    }
                    return new BackendException(BACKEND, message, code, requestId, status, e, false);
                }
                default -> {
                }
            }
        }
        boolean retryable = status >= 500 || (code != null && TRANSIENT.contains(code));
        return new BackendException(BACKEND, message, code, requestId, status, e, retryable);
    }
}
