package io.berth.network.byon;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.api.config.NetworkConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Checks an existing network with read-only calls: the VPC and subnets exist, the subnets are
 * in that VPC and in at least two availability zones, and the mode has the egress it needs.
 */
final class AdoptedNetwork {

    private final Ec2Client ec2;
    private final DeploymentConfig config;
    private final NetworkConfig.Byon byon;

    AdoptedNetwork(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
        this.byon = config.network().byon();
    }

    /** Validates the network and returns its subnets, sorted by id. */
    List<Subnet> validate() {
        Vpc vpc = findVpc();
        List<Subnet> subnets = findSubnets();

        for (Subnet subnet : subnets) {
            if (!vpc.vpcId().equals(subnet.vpcId())) {
                throw new InvalidConfigException("network.byon.subnetIds",
                        "subnet " + subnet.subnetId() + " belongs to " + subnet.vpcId() + ", not to " + vpc.vpcId(),
                        "list only subnets of " + vpc.vpcId());
            }
        }
        Set<String> zones = subnets.stream().map(Subnet::availabilityZone).collect(Collectors.toCollection(TreeSet::new));
        if (zones.size() < 2) {
            throw new InvalidConfigException("network.byon.subnetIds",
                    "the subnets are all in one availability zone, " + zones,
                    "add a subnet of " + vpc.vpcId() + " in another availability zone");
        }

        Map<String, RouteTable> routeTables = routeTablesBySubnet(vpc.vpcId(), subnets);
        for (Subnet subnet : subnets) {
            checkEgress(subnet, routeTables.get(subnet.subnetId()));
        }
        return subnets.stream().sorted(java.util.Comparator.comparing(Subnet::subnetId)).toList();
    }

    private Vpc findVpc() {
        String field = "network.byon.vpcId";
        if (byon.vpcId() == null || !byon.vpcId().matches("vpc-[0-9a-f]{8,17}")) {
            throw new InvalidConfigException(field, "'" + byon.vpcId() + "' is not a VPC id", "use an id such as vpc-0abc1234");
        }
        try {
            return ec2.describeVpcs(request -> request.vpcIds(byon.vpcId())).vpcs().stream().findFirst()
                    .orElseThrow(() -> notFound(field, "VPC " + byon.vpcId()));
        } catch (Ec2Exception e) {
            if (isNotFound(e)) {
                throw notFound(field, "VPC " + byon.vpcId());
            }
            throw e;
        }
    }

    private List<Subnet> findSubnets() {
        String field = "network.byon.subnetIds";
        if (byon.subnetIds().isEmpty()) {
            throw new InvalidConfigException(field, "is empty", "list at least two subnets in two availability zones");
        }
        for (String id : byon.subnetIds()) {
            if (id == null || !id.matches("subnet-[0-9a-f]{8,17}")) {
                throw new InvalidConfigException(field, "'" + id + "' is not a subnet id", "use ids such as subnet-0abc1234");
            }
        }
        List<Subnet> found;
        try {
            found = ec2.describeSubnets(request -> request.subnetIds(byon.subnetIds())).subnets();
        } catch (Ec2Exception e) {
            if (isNotFound(e)) {
                throw notFound(field, "one of the subnets " + byon.subnetIds() + " (" + e.awsErrorDetails().errorMessage() + ")");
            }
            throw e;
        }
        Set<String> missing = new TreeSet<>(byon.subnetIds());
        found.forEach(subnet -> missing.remove(subnet.subnetId()));
        if (!missing.isEmpty()) {
            throw notFound(field, "subnet(s) " + missing);
        }
        return found;
    }

    /** The route table of each subnet: its explicit association, else the VPC's main table. */
    private Map<String, RouteTable> routeTablesBySubnet(String vpcId, List<Subnet> subnets) {
        List<RouteTable> tables = ec2.describeRouteTables(request -> request.filters(
                Filter.builder().name("vpc-id").values(vpcId).build())).routeTables();
        Optional<RouteTable> main = tables.stream()
                .filter(table -> table.associations().stream().anyMatch(association -> Boolean.TRUE.equals(association.main())))
                .findFirst();
        return subnets.stream().collect(Collectors.toMap(Subnet::subnetId, subnet -> tables.stream()
                .filter(table -> table.associations().stream()
                        .anyMatch(association -> subnet.subnetId().equals(association.subnetId())))
                .findFirst()
                .or(() -> main)
                .orElse(null), (first, second) -> first));
    }

    private void checkEgress(Subnet subnet, RouteTable table) {
        List<Route> defaultRoutes = table == null ? List.of() : table.routes().stream()
                .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .toList();
        boolean internet = defaultRoutes.stream().anyMatch(route -> route.gatewayId() != null && route.gatewayId().startsWith("igw-"));
        boolean nat = defaultRoutes.stream().anyMatch(route -> route.natGatewayId() != null);
        if (config.mode() == Mode.DIRECT && !internet) {
            throw new InvalidConfigException("network.byon.subnetIds",
                    "subnet " + subnet.subnetId() + " has no default route to an internet gateway, which direct mode needs",
                    "add a 0.0.0.0/0 route to an internet gateway in its route table, or use mode: proxy");
        }
        if (config.mode() == Mode.PROXY && !internet && !nat) {
            throw new InvalidConfigException("network.byon.subnetIds",
                    "subnet " + subnet.subnetId() + " has no default route to an internet or NAT gateway, so workers cannot reach out",
                    "add a 0.0.0.0/0 route to a NAT gateway or an internet gateway in its route table");
        }
    }

    private InvalidConfigException notFound(String field, String what) {
        return new InvalidConfigException(field, what + " not found in " + config.region(),
                "check the id and the region; Berth adopts only what already exists");
    }

    private static boolean isNotFound(Ec2Exception e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        return code.endsWith(".NotFound") || code.endsWith(".Malformed");
    }
}
