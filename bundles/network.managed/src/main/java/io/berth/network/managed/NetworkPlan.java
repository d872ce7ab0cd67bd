package io.berth.network.managed;

import io.berth.api.PlannedResource;
import io.berth.api.ResourceAction;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import java.util.List;
import java.util.Map;

/** What the managed network creates, worked out from the config alone. */
final class NetworkPlan {

    private NetworkPlan() {
    }

    static List<PlannedResource> resources(DeploymentConfig config) {
        Ipv4Cidr vpc = SubnetLayout.vpc("network.managed.cidr", config.network().managed().cidr());
        List<Ipv4Cidr> subnets = SubnetLayout.subnets(vpc);
        String publicIps = String.valueOf(config.mode() == Mode.DIRECT);
        String provider = ManagedNetworkProvider.NAME;
        String zones = "chosen at apply: two zones offering " + String.join(", ", config.workers().instanceTypes());
        return List.of(
                new PlannedResource("AWS::EC2::VPC", ManagedNetwork.VPC, ResourceAction.CREATE, provider,
                        Map.of("cidr", vpc.toString(), "dnsHostnames", "true"), List.of()),
                new PlannedResource("AWS::EC2::Subnet", SubnetLayout.NAMES.get(0), ResourceAction.CREATE, provider,
                        Map.of("cidr", subnets.get(0).toString(), "mapPublicIpOnLaunch", publicIps, "availabilityZone", zones),
                        List.of(ManagedNetwork.VPC)),
                new PlannedResource("AWS::EC2::Subnet", SubnetLayout.NAMES.get(1), ResourceAction.CREATE, provider,
                        Map.of("cidr", subnets.get(1).toString(), "mapPublicIpOnLaunch", publicIps, "availabilityZone", zones),
                        List.of(ManagedNetwork.VPC)),
                new PlannedResource("AWS::EC2::InternetGateway", ManagedNetwork.INTERNET_GATEWAY, ResourceAction.CREATE,
                        provider, Map.of("attachedTo", ManagedNetwork.VPC), List.of(ManagedNetwork.VPC)),
                new PlannedResource("AWS::EC2::RouteTable", ManagedNetwork.ROUTE_TABLE, ResourceAction.CREATE, provider,
                        Map.of("defaultRoute", "0.0.0.0/0 via " + ManagedNetwork.INTERNET_GATEWAY,
                                "subnets", String.join(", ", SubnetLayout.NAMES)),
                        List.of(ManagedNetwork.INTERNET_GATEWAY, SubnetLayout.NAMES.get(0), SubnetLayout.NAMES.get(1))));
    }
}
