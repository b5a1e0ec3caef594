package io.mlplane.core;

import io.mlplane.core.internal.PlanJson;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link MlProvider#submit submit} of a spec would send, request by request, without sending anything:
 * a dry run to review, diff or store. {@link #toJson()} prints it as
 * {@code {"backend": ..., "requests": [{"service": ..., "operation": ..., "body": {...}}]}} with secrets
 * redacted.
 *
 * @param backend the backend id the plan was made for
 * @param requests the requests in the order they would be sent
 */
public record Plan(String backend, List<PlannedRequest> requests) {

    /** Copies the request list. */
    public Plan {
        Objects.requireNonNull(backend, "backend == null");
        requests = List.copyOf(requests);
    }

    /** The plan as pretty-printed JSON, secrets redacted. */
    public String toJson() {
        return PlanJson.write(this);
    }

    /**
     * The request bodies as multi-document YAML, secrets redacted: for Kubernetes plans, manifests ready for
     * {@code kubectl apply -f -} or a GitOps repository (after filling in redacted secrets).
     */
    public String toYaml() {
        return PlanJson.yaml(this);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
