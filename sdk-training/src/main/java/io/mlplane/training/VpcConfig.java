package io.mlplane.training;

import java.util.List;

/**
 * Runs the training containers inside a VPC.
 *
 * @param securityGroupIds 1 to 5 security group ids
 * @param subnets 1 to 16 subnet ids
 */
public record VpcConfig(List<String> securityGroupIds, List<String> subnets) {

    /** Copies the lists; sizes and formats are checked by {@link TrainingJobSpec}. */
    public VpcConfig {
        securityGroupIds = List.copyOf(securityGroupIds);
        subnets = List.copyOf(subnets);
    }

    /** A VPC configuration. */
    public static VpcConfig of(List<String> securityGroupIds, List<String> subnets) {
        return new VpcConfig(securityGroupIds, subnets);
    }
}
