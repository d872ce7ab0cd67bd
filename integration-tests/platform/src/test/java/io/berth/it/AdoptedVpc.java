package io.berth.it;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * A network that a customer made before Berth: a VPC, two subnets and, when asked, an internet
 * gateway on the main route table. Berth must adopt it and never change it.
 */
record AdoptedVpc(String vpcId, String subnetA, String subnetB) {

    static AdoptedVpc create(String region, String cidr, boolean internetRoute) {
        String prefix = cidr.substring(0, cidr.indexOf(".0.0/"));
        try (Ec2Client ec2 = Moto.ec2(region)) {
            List<String> zones = ec2.describeAvailabilityZones().availabilityZones().stream()
                    .map(zone -> zone.zoneName()).sorted().toList();
            String vpcId = ec2.createVpc(request -> request.cidrBlock(cidr)).vpc().vpcId();
            String subnetA = ec2.createSubnet(request -> request.vpcId(vpcId).cidrBlock(prefix + ".1.0/24")
                    .availabilityZone(zones.get(0))).subnet().subnetId();
            String subnetB = ec2.createSubnet(request -> request.vpcId(vpcId).cidrBlock(prefix + ".2.0/24")
                    .availabilityZone(zones.get(1))).subnet().subnetId();
            if (internetRoute) {
                String gatewayId = ec2.createInternetGateway().internetGateway().internetGatewayId();
                ec2.attachInternetGateway(request -> request.internetGatewayId(gatewayId).vpcId(vpcId));
                RouteTable main = ec2.describeRouteTables(request -> request.filters(
                        software.amazon.awssdk.services.ec2.model.Filter.builder().name("vpc-id").values(vpcId).build()))
                        .routeTables().get(0);
                ec2.createRoute(request -> request.routeTableId(main.routeTableId()).destinationCidrBlock("0.0.0.0/0")
                        .gatewayId(gatewayId));
            }
            return new AdoptedVpc(vpcId, subnetA, subnetB);
        }
    }
}
