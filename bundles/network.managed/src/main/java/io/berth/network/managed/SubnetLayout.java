package io.berth.network.managed;

import io.berth.api.InvalidConfigException;
import java.util.List;

/**
 * Where the two subnets sit in the VPC block: the first two blocks sixteen times smaller than
 * the VPC, so that a /16 gives two /20s and leaves room for the customer's own subnets, and no
 * smaller than /28, the smallest subnet AWS allows.
 */
final class SubnetLayout {

    static final List<String> NAMES = List.of("subnet-a", "subnet-b");

    private SubnetLayout() {
    }

    static Ipv4Cidr vpc(String field, String cidrText) {
        Ipv4Cidr vpc = Ipv4Cidr.parse(field, cidrText);
        if (vpc.prefix() < Ipv4Cidr.LARGEST_VPC_PREFIX) {
            throw new InvalidConfigException(field, "'" + cidrText + "' is larger than AWS allows for a VPC",
                    "use a block between /16 and /27, such as 10.42.0.0/16");
        }
        if (vpc.prefix() > Ipv4Cidr.SMALLEST_VPC_PREFIX_FOR_TWO_SUBNETS) {
            throw new InvalidConfigException(field, "'" + cidrText + "' is too small for two subnets of at least /28",
                    "use a block of /27 or larger, such as 10.42.0.0/24");
        }
        return vpc;
    }

    static List<Ipv4Cidr> subnets(Ipv4Cidr vpc) {
        int subnetPrefix = Math.min(vpc.prefix() + 4, Ipv4Cidr.SMALLEST_SUBNET_PREFIX);
        return List.of(vpc.subnet(subnetPrefix, 0), vpc.subnet(subnetPrefix, 1));
    }
}
