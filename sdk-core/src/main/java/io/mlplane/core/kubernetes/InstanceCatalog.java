package io.mlplane.core.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in mapping of common SageMaker training instance types to Kubernetes resources: vCPUs and memory
 * as AWS publishes them (a little memory is left to the node), GPUs for the GPU families, and the EC2 type as
 * the node type. Extend or override it with {@link KubernetesConfig.Builder#instanceType}.
 */
final class InstanceCatalog {

    private InstanceCatalog() {
    }

    static Map<String, InstanceResources> defaults() {
        Map<String, InstanceResources> catalog = new LinkedHashMap<>();
        String[] sizes = {"large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"};
        int[] vcpus = {2, 4, 8, 16, 48, 96};
        for (int i = 0; i < sizes.length; i++) {
            add(catalog, "m5." + sizes[i], vcpus[i], vcpus[i] * 4, 0);
            add(catalog, "c5." + sizes[i], vcpus[i], vcpus[i] * 2, 0);
            add(catalog, "r5." + sizes[i], vcpus[i], vcpus[i] * 8, 0);
        }
        add(catalog, "g4dn.xlarge", 4, 16, 1);
        add(catalog, "g4dn.2xlarge", 8, 32, 1);
        add(catalog, "g4dn.12xlarge", 48, 192, 4);
        add(catalog, "g5.xlarge", 4, 16, 1);
        add(catalog, "g5.2xlarge", 8, 32, 1);
        add(catalog, "g5.12xlarge", 48, 192, 4);
        add(catalog, "g5.48xlarge", 192, 768, 8);
        add(catalog, "p3.2xlarge", 8, 61, 1);
        add(catalog, "p3.8xlarge", 32, 244, 4);
        add(catalog, "p3.16xlarge", 64, 488, 8);
        add(catalog, "p4d.24xlarge", 96, 1152, 8);
        add(catalog, "p5.48xlarge", 192, 2048, 8);
        return catalog;
    }

    private static void add(Map<String, InstanceResources> catalog, String type, int cpus, int memoryGib, int gpus) {
        int usable = Math.max(1, memoryGib - Math.max(1, memoryGib / 16));
        catalog.put("ml." + type, new InstanceResources(Integer.toString(cpus), usable + "Gi", gpus, type));
    }
}
