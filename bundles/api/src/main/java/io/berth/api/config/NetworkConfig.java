package io.berth.api.config;

import java.util.List;

/**
 * Where the deployment's network comes from: exactly one of {@code managed} and {@code byon} is set.
 *
 * @param managed  a network Berth creates and owns
 * @param byon     an existing network Berth adopts and never modifies
 * @param provider the name of the network provider to use, or null to let ranking decide
 */
public record NetworkConfig(Managed managed, Byon byon, String provider) {

    /** @param cidr the VPC's IPv4 CIDR block, such as {@code 10.42.0.0/16} */
    public record Managed(String cidr) {
    }

    /**
     * @param vpcId     the id of the VPC to adopt
     * @param subnetIds the ids of its subnets to use, in at least two availability zones
     */
    public record Byon(String vpcId, List<String> subnetIds) {
        public Byon {
            subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
        }
    }
}
