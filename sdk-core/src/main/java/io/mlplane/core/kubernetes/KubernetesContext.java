package io.mlplane.core.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mlplane.core.BackendException;
import io.mlplane.core.ConflictException;
import io.mlplane.core.MlException;
import io.mlplane.core.QuotaExceededException;
import io.mlplane.core.ResourceNotFoundException;
import io.mlplane.core.ThrottledException;
import java.util.function.Supplier;

/**
 * The Kubernetes backend's connection, shared by its drivers: the configuration, the client (built lazily on
 * the first call, so plans never need a cluster) and {@link #call}, which translates fabric8 failures into
 * mlplane's exceptions.
 */
public final class KubernetesContext implements AutoCloseable {

    private final KubernetesConfig config;
    private volatile KubernetesClient client;
    private final boolean owned;

    KubernetesContext(KubernetesConfig config) {
        this.config = config;
        this.client = config.client();
        this.owned = config.client() == null;
    }

    /** The configuration. */
    public KubernetesConfig config() {
        return config;
    }

    /** The client, auto-configured on first use unless one was given. */
    public KubernetesClient client() {
        KubernetesClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new KubernetesClientBuilder().build();
                }
                current = client;
            }
        }
        return current;
    }

    /**
     * Runs {@code request}, translating failures: 404 not found, 409 conflict, 429 throttled (retryable), 403
     * with a quota message a quota error, 5xx retryable, anything else a backend error with the API server's
     * message.
     */
    public <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw translate(e);
        }
    }

    /** The mlplane exception for a fabric8 failure. */
    public static MlException translate(KubernetesClientException e) {
        int code = e.getCode();
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : String.valueOf(e.getMessage());
        String reason = e.getStatus() == null ? null : e.getStatus().getReason();
        return switch (code) {
            case 404 -> new ResourceNotFoundException("kubernetes", message, reason, null, code, e);
            case 409 -> new ConflictException("kubernetes", message, reason, null, code, e);
            case 429 -> new ThrottledException("kubernetes", message, reason, null, code, e);
            case 403 -> message.contains("exceeded quota")
                    ? new QuotaExceededException("kubernetes", message, reason, null, code, e)
                    : new BackendException("kubernetes", message, reason, null, code, e, false);
            default -> new BackendException("kubernetes", code == 0 ? "cannot reach the Kubernetes API: " + message : message,
                    reason, null, code, e, code == 0 || code >= 500);
        };
    }

    @Override
    public void close() {
        if (owned && client != null) {
            client.close();
        }
    }
}
