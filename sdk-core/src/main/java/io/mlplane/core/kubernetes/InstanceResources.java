package io.mlplane.core.kubernetes;

import java.util.Objects;

/**
 * What an {@code ml.*} instance type means on Kubernetes: the resources each training pod requests and the
 * node type it is placed on (through the node selector {@link KubernetesConfig#instanceTypeLabel()}).
 *
 * @param cpu CPU request and limit, in Kubernetes quantity form (for example {@code "4"})
 * @param memory memory request and limit (for example {@code "16Gi"})
 * @param gpus NVIDIA GPUs ({@code nvidia.com/gpu}), 0 for none
 * @param nodeType the node's instance type label value (for example the EC2 type {@code m5.xlarge}), or empty
 *     for no node selector
 */
public record InstanceResources(String cpu, String memory, int gpus, String nodeType) {

    /** Rejects nulls and negative GPU counts. */
    public InstanceResources {
        Objects.requireNonNull(cpu, "cpu == null");
        Objects.requireNonNull(memory, "memory == null");
        Objects.requireNonNull(nodeType, "nodeType == null");
        if (gpus < 0) {
            throw new IllegalArgumentException("gpus must not be negative: " + gpus);
        }
    }
}
