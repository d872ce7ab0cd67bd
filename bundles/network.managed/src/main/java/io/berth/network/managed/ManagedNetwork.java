package io.berth.network.managed;

import io.berth.api.CloudException;
import io.berth.api.DeploymentContext;
import io.berth.api.InvalidConfigException;
import io.berth.api.ResourceStatus;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Creates and removes one deployment's managed network. Every step first looks for the
 * resource by its tags, so a second apply creates nothing and an apply after a crash picks up
 * where the first stopped.
 */
final class ManagedNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedNetwork.class);

    static final String VPC = "vpc";
    static final String INTERNET_GATEWAY = "internet-gateway";
    static final String ROUTE_TABLE = "route-table";

    private final Ec2Client ec2;
    private final DeploymentConfig config;

    ManagedNetwork(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
    }

    /** Checks, before anything is created, that the block is free and two zones offer the worker types. */
    void preflight() {
        Ipv4Cidr vpcCidr = SubnetLayout.vpc("network.managed.cidr", config.network().managed().cidr());
        boolean exists = !ec2.describeVpcs(request -> request.filters(Ec2Tags.resource(config, VPC))).vpcs().isEmpty();
        if (!exists) {
            rejectOverlap(vpcCidr);
            chooseZones();
        }
    }

    void apply(DeploymentContext context) {
        Ipv4Cidr vpcCidr = SubnetLayout.vpc("network.managed.cidr", config.network().managed().cidr());
        String vpcId = ensureVpc(vpcCidr, context);
        context.putOutput(DeploymentContext.VPC_ID, vpcId);

        ExecutorService steps = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<List<String>> subnets =
                    CompletableFuture.supplyAsync(() -> ensureSubnets(vpcId, vpcCidr, context), steps);
            CompletableFuture<String> gateway =
                    CompletableFuture.supplyAsync(() -> ensureInternetGateway(vpcId, context), steps);
            String routeTableId = ensureRouteTable(vpcId, context);
            ensureDefaultRoute(routeTableId, join(gateway), context);
            List<String> subnetIds = join(subnets);
            ensureAssociations(routeTableId, subnetIds, context);
            context.putOutput(DeploymentContext.SUBNET_IDS, String.join(",", subnetIds));
        } finally {
            steps.shutdown();
        }
    }

    void destroy(DeploymentContext context) {
        List<Filter> owned = Ec2Tags.deployment(config);

        for (RouteTable table : ec2.describeRouteTables(request -> request.filters(owned)).routeTables()) {
            for (RouteTableAssociation association : table.associations()) {
                if (!Boolean.TRUE.equals(association.main())) {
                    ec2.disassociateRouteTable(request -> request.associationId(association.routeTableAssociationId()));
                }
            }
            ec2.deleteRouteTable(request -> request.routeTableId(table.routeTableId()));
            changed(context, "deleted route table " + table.routeTableId());
        }
        for (InternetGateway gateway : ec2.describeInternetGateways(request -> request.filters(owned)).internetGateways()) {
            for (InternetGatewayAttachment attachment : gateway.attachments()) {
                ec2.detachInternetGateway(request -> request.internetGatewayId(gateway.internetGatewayId())
                        .vpcId(attachment.vpcId()));
            }
            ec2.deleteInternetGateway(request -> request.internetGatewayId(gateway.internetGatewayId()));
            changed(context, "deleted internet gateway " + gateway.internetGatewayId());
        }
        for (Subnet subnet : ec2.describeSubnets(request -> request.filters(owned)).subnets()) {
            ec2.deleteSubnet(request -> request.subnetId(subnet.subnetId()));
            changed(context, "deleted subnet " + subnet.subnetId());
        }
        for (Vpc vpc : ec2.describeVpcs(request -> request.filters(owned)).vpcs()) {
            ec2.deleteVpc(request -> request.vpcId(vpc.vpcId()));
            changed(context, "deleted VPC " + vpc.vpcId());
        }
    }

    /** Each planned network resource as it exists now, found by its tags. */
    List<ResourceStatus> status() {
        List<ResourceStatus> states = new ArrayList<>();
        Ipv4Cidr vpcCidr = SubnetLayout.vpc("network.managed.cidr", config.network().managed().cidr());

        Optional<Vpc> vpc = ec2.describeVpcs(request -> request.filters(Ec2Tags.resource(config, VPC))).vpcs().stream().findFirst();
        states.add(vpc.map(found -> found.cidrBlock().equals(vpcCidr.toString())
                        ? state("AWS::EC2::VPC", VPC, found.vpcId(), ResourceStatus.PRESENT, found.cidrBlock())
                        : state("AWS::EC2::VPC", VPC, found.vpcId(), ResourceStatus.DRIFTED,
                                "CIDR " + found.cidrBlock() + ", config says " + vpcCidr))
                .orElse(missing("AWS::EC2::VPC", VPC)));

        Map<String, Subnet> subnets = new TreeMap<>();
        ec2.describeSubnets(request -> request.filters(Ec2Tags.deployment(config))).subnets()
                .forEach(subnet -> subnets.put(Ec2Tags.value(subnet.tags(), Ec2Tags.RESOURCE), subnet));
        boolean publicIps = config.mode() == Mode.DIRECT;
        for (String name : SubnetLayout.NAMES) {
            Subnet subnet = subnets.get(name);
            if (subnet == null) {
                states.add(missing("AWS::EC2::Subnet", name));
            } else if (!Boolean.valueOf(publicIps).equals(subnet.mapPublicIpOnLaunch())) {
                states.add(state("AWS::EC2::Subnet", name, subnet.subnetId(), ResourceStatus.DRIFTED,
                        "public IPs on launch is " + subnet.mapPublicIpOnLaunch() + ", mode " + config.mode().id() + " needs " + publicIps));
            } else {
                states.add(state("AWS::EC2::Subnet", name, subnet.subnetId(), ResourceStatus.PRESENT,
                        subnet.cidrBlock() + " in " + subnet.availabilityZone()));
            }
        }

        Optional<InternetGateway> gateway = ec2.describeInternetGateways(request -> request.filters(
                Ec2Tags.resource(config, INTERNET_GATEWAY))).internetGateways().stream().findFirst();
        states.add(gateway.map(found -> vpc.isPresent() && found.attachments().stream()
                        .anyMatch(attachment -> vpc.get().vpcId().equals(attachment.vpcId()))
                        ? state("AWS::EC2::InternetGateway", INTERNET_GATEWAY, found.internetGatewayId(), ResourceStatus.PRESENT, "attached")
                        : state("AWS::EC2::InternetGateway", INTERNET_GATEWAY, found.internetGatewayId(), ResourceStatus.DRIFTED,
                                "not attached to the deployment's VPC"))
                .orElse(missing("AWS::EC2::InternetGateway", INTERNET_GATEWAY)));

        Optional<RouteTable> table = findRouteTable();
        states.add(table.map(found -> routeTableState(found, gateway, subnets))
                .orElse(missing("AWS::EC2::RouteTable", ROUTE_TABLE)));
        return states;
    }

    private static ResourceStatus routeTableState(RouteTable table, Optional<InternetGateway> gateway, Map<String, Subnet> subnets) {
        boolean defaultRoute = gateway.isPresent() && table.routes().stream().anyMatch(route ->
                "0.0.0.0/0".equals(route.destinationCidrBlock()) && gateway.get().internetGatewayId().equals(route.gatewayId()));
        Set<String> associated = table.associations().stream().map(RouteTableAssociation::subnetId).collect(Collectors.toSet());
        List<String> unassociated = subnets.values().stream().map(Subnet::subnetId).filter(id -> !associated.contains(id)).toList();
        if (!defaultRoute) {
            return state("AWS::EC2::RouteTable", ROUTE_TABLE, table.routeTableId(), ResourceStatus.DRIFTED,
                    "no default route to the internet gateway");
        }
        if (!unassociated.isEmpty()) {
            return state("AWS::EC2::RouteTable", ROUTE_TABLE, table.routeTableId(), ResourceStatus.DRIFTED,
                    "not associated with " + unassociated);
        }
        return state("AWS::EC2::RouteTable", ROUTE_TABLE, table.routeTableId(), ResourceStatus.PRESENT, "default route via internet gateway");
    }

    private static ResourceStatus state(String type, String name, String id, String state, String detail) {
        return new ResourceStatus(type, name, id, state, detail);
    }

    private static ResourceStatus missing(String type, String name) {
        return new ResourceStatus(type, name, null, ResourceStatus.MISSING, "not found by its tags");
    }

    private String ensureVpc(Ipv4Cidr cidr, DeploymentContext context) {
        Optional<Vpc> existing = ec2.describeVpcs(request -> request.filters(Ec2Tags.resource(config, VPC)))
                .vpcs().stream().findFirst();
        if (existing.isPresent()) {
            if (!existing.get().cidrBlock().equals(cidr.toString())) {
                throw new InvalidConfigException("network.managed.cidr",
                        "the deployment's VPC " + existing.get().vpcId() + " already exists with " + existing.get().cidrBlock()
                                + ", not " + cidr, "set the CIDR back to " + existing.get().cidrBlock()
                                + ", or destroy the deployment first to move it");
            }
            context.progress("VPC " + existing.get().vpcId() + " (" + cidr + ") exists");
            return existing.get().vpcId();
        }

        rejectOverlap(cidr);
        String vpcId = ec2.createVpc(request -> request.cidrBlock(cidr.toString())
                        .tagSpecifications(Ec2Tags.specification(config, ResourceType.VPC, VPC)))
                .vpc().vpcId();
        ec2.modifyVpcAttribute(request -> request.vpcId(vpcId)
                .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        changed(context, "created VPC " + vpcId + " (" + cidr + ") in " + config.region());
        return vpcId;
    }

    /** A VPC whose block overlaps another in the region cannot be peered or routed to it later. */
    private void rejectOverlap(Ipv4Cidr cidr) {
        for (Vpc other : ec2.describeVpcs().vpcs()) {
            Ipv4Cidr otherCidr = Ipv4Cidr.parse("VPC " + other.vpcId(), other.cidrBlock());
            if (otherCidr.overlaps(cidr)) {
                throw new InvalidConfigException("network.managed.cidr",
                        cidr + " overlaps VPC " + other.vpcId() + " (" + other.cidrBlock() + ") in " + config.region(),
                        "choose a block that no VPC in the region uses");
            }
        }
    }

    private List<String> ensureSubnets(String vpcId, Ipv4Cidr vpcCidr, DeploymentContext context) {
        List<Ipv4Cidr> cidrs = SubnetLayout.subnets(vpcCidr);
        Map<String, Subnet> existing = new TreeMap<>();
        for (Subnet subnet : ec2.describeSubnets(request -> request.filters(Ec2Tags.deployment(config))).subnets()) {
            existing.put(Ec2Tags.value(subnet.tags(), Ec2Tags.RESOURCE), subnet);
        }

        List<String> zones = existing.size() < SubnetLayout.NAMES.size() ? chooseZones() : List.of();
        boolean publicIps = config.mode() == Mode.DIRECT;
        List<String> subnetIds = new ArrayList<>();
        for (int i = 0; i < SubnetLayout.NAMES.size(); i++) {
            String name = SubnetLayout.NAMES.get(i);
            Subnet subnet = existing.get(name);
            String subnetId;
            if (subnet == null) {
                String zone = zones.get(i);
                String cidr = cidrs.get(i).toString();
                subnetId = ec2.createSubnet(request -> request.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)
                                .tagSpecifications(Ec2Tags.specification(config, ResourceType.SUBNET, name)))
                        .subnet().subnetId();
                changed(context, "created subnet " + subnetId + " (" + cidr + ") in " + zone);
            } else {
                subnetId = subnet.subnetId();
                context.progress("subnet " + subnetId + " in " + subnet.availabilityZone() + " exists");
            }
            if (subnet == null || !Boolean.valueOf(publicIps).equals(subnet.mapPublicIpOnLaunch())) {
                ec2.modifySubnetAttribute(request -> request.subnetId(subnetId)
                        .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(publicIps).build()));
                if (subnet != null) {
                    changed(context, "set public IPs on launch to " + publicIps + " for subnet " + subnetId);
                }
            }
            subnetIds.add(subnetId);
        }
        return subnetIds;
    }

    /**
     * Picks two availability zones where every worker instance type is offered, else where the
     * first one is. Zones are sorted by name so that the choice is the same on every run.
     */
    private List<String> chooseZones() {
        Set<String> available = ec2.describeAvailabilityZones(request -> request.filters(
                        Filter.builder().name("state").values("available").build()))
                .availabilityZones().stream().map(AvailabilityZone::zoneName).collect(Collectors.toSet());
        List<String> types = config.workers().instanceTypes();
        Map<String, Set<String>> zonesByType = new TreeMap<>();
        ec2.describeInstanceTypeOfferingsPaginator(request -> request.locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(Filter.builder().name("instance-type").values(types).build()))
                .instanceTypeOfferings()
                .forEach(offering -> zonesByType.computeIfAbsent(offering.instanceTypeAsString(), type -> new HashSet<>())
                        .add(offering.location()));

        Set<String> everyType = new TreeSet<>(available);
        types.forEach(type -> everyType.retainAll(zonesByType.getOrDefault(type, Set.of())));
        if (everyType.size() >= 2) {
            return List.copyOf(everyType).subList(0, 2);
        }
        Set<String> firstType = new TreeSet<>(available);
        firstType.retainAll(zonesByType.getOrDefault(types.get(0), Set.of()));
        if (firstType.size() >= 2) {
            LOG.warn("only {} offer all of {}; placing subnets where {} is offered", everyType, types, types.get(0));
            return List.copyOf(firstType).subList(0, 2);
        }
        throw new InvalidConfigException("workers.instanceTypes",
                types.get(0) + " is offered in " + firstType.size() + " availability zone(s) of " + config.region()
                        + ", and the network needs two", "choose an instance type offered in at least two zones of "
                        + config.region());
    }

    private String ensureInternetGateway(String vpcId, DeploymentContext context) {
        Optional<InternetGateway> existing = ec2.describeInternetGateways(request -> request.filters(
                Ec2Tags.resource(config, INTERNET_GATEWAY))).internetGateways().stream().findFirst();
        String gatewayId;
        boolean attached;
        if (existing.isPresent()) {
            gatewayId = existing.get().internetGatewayId();
            attached = existing.get().attachments().stream().anyMatch(attachment -> vpcId.equals(attachment.vpcId()));
            context.progress("internet gateway " + gatewayId + " exists");
        } else {
            gatewayId = ec2.createInternetGateway(request -> request.tagSpecifications(
                            Ec2Tags.specification(config, ResourceType.INTERNET_GATEWAY, INTERNET_GATEWAY)))
                    .internetGateway().internetGatewayId();
            attached = false;
            changed(context, "created internet gateway " + gatewayId);
        }
        if (!attached) {
            ec2.attachInternetGateway(request -> request.internetGatewayId(gatewayId).vpcId(vpcId));
            changed(context, "attached internet gateway " + gatewayId + " to VPC " + vpcId);
        }
        return gatewayId;
    }

    private String ensureRouteTable(String vpcId, DeploymentContext context) {
        Optional<RouteTable> existing = findRouteTable();
        if (existing.isPresent()) {
            context.progress("route table " + existing.get().routeTableId() + " exists");
            return existing.get().routeTableId();
        }
        String routeTableId = ec2.createRouteTable(request -> request.vpcId(vpcId)
                        .tagSpecifications(Ec2Tags.specification(config, ResourceType.ROUTE_TABLE, ROUTE_TABLE)))
                .routeTable().routeTableId();
        changed(context, "created route table " + routeTableId);
        return routeTableId;
    }

    private void ensureDefaultRoute(String routeTableId, String gatewayId, DeploymentContext context) {
        boolean present = findRouteTable().stream()
                .flatMap(table -> table.routes().stream())
                .anyMatch(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()) && gatewayId.equals(route.gatewayId()));
        if (!present) {
            ec2.createRoute(request -> request.routeTableId(routeTableId).destinationCidrBlock("0.0.0.0/0")
                    .gatewayId(gatewayId));
            changed(context, "added the default route to " + gatewayId + " in " + routeTableId);
        }
    }

    private void ensureAssociations(String routeTableId, List<String> subnetIds, DeploymentContext context) {
        Set<String> associated = findRouteTable().stream()
                .flatMap(table -> table.associations().stream())
                .map(RouteTableAssociation::subnetId)
                .collect(Collectors.toSet());
        for (String subnetId : subnetIds) {
            if (!associated.contains(subnetId)) {
                ec2.associateRouteTable(request -> request.routeTableId(routeTableId).subnetId(subnetId));
                changed(context, "associated subnet " + subnetId + " with route table " + routeTableId);
            }
        }
    }

    private Optional<RouteTable> findRouteTable() {
        return ec2.describeRouteTables(request -> request.filters(Ec2Tags.resource(config, ROUTE_TABLE)))
                .routeTables().stream().findFirst();
    }

    private void changed(DeploymentContext context, String message) {
        LOG.info("{} for deployment {}", message, config.deployment());
        context.progress(message);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CloudException("a network step failed: " + e.getCause(), "", e.getCause());
        }
    }
}
