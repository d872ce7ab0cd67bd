package io.berth.network.managed;

import static io.berth.api.IntrinsicFunctions.getAZs;
import static io.berth.api.IntrinsicFunctions.join;
import static io.berth.api.IntrinsicFunctions.ref;
import static io.berth.api.IntrinsicFunctions.select;

import io.berth.api.DeploymentContext;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.TemplateOutput;
import io.berth.api.TemplateResource;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed network as CloudFormation resources: the same VPC, subnets, internet gateway and
 * route table that {@link ManagedNetwork} creates, with the same tags, so that status and destroy
 * find a stack's network as they find one that apply made.
 *
 * <p>One difference: apply places the subnets in the first two zones, by name, that offer the
 * worker instance types, and a template cannot ask for offerings. The template takes the first
 * two zones of {@code Fn::GetAZs} instead.
 */
final class NetworkTemplate {

    static final String VPC = "Vpc";
    static final String INTERNET_GATEWAY = "InternetGateway";
    static final String ATTACHMENT = "InternetGatewayAttachment";
    static final String ROUTE_TABLE = "RouteTable";
    static final String DEFAULT_ROUTE = "DefaultRoute";

    private NetworkTemplate() {
    }

    static TemplateFragment of(TemplateContext context) {
        DeploymentConfig config = context.config();
        Ipv4Cidr vpcCidr = SubnetLayout.vpc("network.managed.cidr", config.network().managed().cidr());
        List<Ipv4Cidr> subnetCidrs = SubnetLayout.subnets(vpcCidr);

        List<TemplateResource> resources = new ArrayList<>();
        resources.add(vpc(config, vpcCidr));
        List<Object> subnetRefs = new ArrayList<>();
        for (int i = 0; i < SubnetLayout.NAMES.size(); i++) {
            TemplateResource subnet = subnet(config, i, subnetCidrs.get(i));
            resources.add(subnet);
            subnetRefs.add(ref(subnet.logicalId()));
        }
        resources.addAll(internetGateway(config));
        resources.addAll(routeTable(config, subnetRefs));

        List<TemplateOutput> outputs = List.of(
                new TemplateOutput("VpcId", "the deployment's VPC", ref(VPC)),
                new TemplateOutput("SubnetIds", "the deployment's two subnets, comma-separated", join(",", subnetRefs)));
        Map<String, Object> references = new LinkedHashMap<>();
        references.put(DeploymentContext.VPC_ID, ref(VPC));
        references.put(DeploymentContext.SUBNET_IDS, subnetRefs);
        return new TemplateFragment(List.of(), resources, outputs, references);
    }

    /** Returns the logical id of a subnet, such as {@code SubnetA} for {@code subnet-a}. */
    static String subnetId(int index) {
        return "Subnet" + (char) ('A' + index);
    }

    private static TemplateResource vpc(DeploymentConfig config, Ipv4Cidr cidr) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("CidrBlock", cidr.toString());
        properties.put("EnableDnsHostnames", true);
        properties.put("EnableDnsSupport", true);
        properties.put("Tags", tags(config, ManagedNetwork.VPC));
        return new TemplateResource(VPC, "AWS::EC2::VPC", properties);
    }

    private static TemplateResource subnet(DeploymentConfig config, int index, Ipv4Cidr cidr) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("VpcId", ref(VPC));
        properties.put("CidrBlock", cidr.toString());
        properties.put("AvailabilityZone", select(index, getAZs()));
        properties.put("MapPublicIpOnLaunch", config.mode() == Mode.DIRECT);
        properties.put("Tags", tags(config, SubnetLayout.NAMES.get(index)));
        return new TemplateResource(subnetId(index), "AWS::EC2::Subnet", properties);
    }

    private static List<TemplateResource> internetGateway(DeploymentConfig config) {
        Map<String, Object> gateway = new LinkedHashMap<>();
        gateway.put("Tags", tags(config, ManagedNetwork.INTERNET_GATEWAY));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("VpcId", ref(VPC));
        attachment.put("InternetGatewayId", ref(INTERNET_GATEWAY));
        return List.of(
                new TemplateResource(INTERNET_GATEWAY, "AWS::EC2::InternetGateway", gateway),
                new TemplateResource(ATTACHMENT, "AWS::EC2::VPCGatewayAttachment", attachment));
    }

    /** Returns the route table, its default route through the internet gateway, and one association per subnet. */
    private static List<TemplateResource> routeTable(DeploymentConfig config, List<Object> subnetRefs) {
        List<TemplateResource> resources = new ArrayList<>();
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("VpcId", ref(VPC));
        table.put("Tags", tags(config, ManagedNetwork.ROUTE_TABLE));
        resources.add(new TemplateResource(ROUTE_TABLE, "AWS::EC2::RouteTable", table));

        Map<String, Object> route = new LinkedHashMap<>();
        route.put("RouteTableId", ref(ROUTE_TABLE));
        route.put("DestinationCidrBlock", "0.0.0.0/0");
        route.put("GatewayId", ref(INTERNET_GATEWAY));
        // A route to an internet gateway fails until the gateway is attached to the VPC.
        resources.add(new TemplateResource(DEFAULT_ROUTE, "AWS::EC2::Route", route, List.of(ATTACHMENT)));

        for (int i = 0; i < subnetRefs.size(); i++) {
            Map<String, Object> association = new LinkedHashMap<>();
            association.put("RouteTableId", ref(ROUTE_TABLE));
            association.put("SubnetId", subnetRefs.get(i));
            resources.add(new TemplateResource(subnetId(i) + "RouteTableAssociation",
                    "AWS::EC2::SubnetRouteTableAssociation", association));
        }
        return resources;
    }

    private static List<Map<String, Object>> tags(DeploymentConfig config, String resourceName) {
        return TemplateResource.tags(Ec2Tags.values(config, resourceName));
    }
}
