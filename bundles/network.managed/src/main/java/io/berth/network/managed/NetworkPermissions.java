package io.berth.network.managed;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;
import static io.berth.api.config.DeploymentConfig.TAG_MANAGED;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * The EC2 calls that apply and destroy of a managed network make, as IAM requirements of the
 * deployer. Apply and destroy must call nothing outside this list:
 *
 * <ul>
 *   <li>apply: DescribeAvailabilityZones and DescribeInstanceTypeOfferings to pick two zones,
 *       DescribeVpcs, DescribeSubnets, DescribeInternetGateways and DescribeRouteTables to find
 *       what exists by tag, then CreateVpc, ModifyVpcAttribute, CreateSubnet, ModifySubnetAttribute,
 *       CreateInternetGateway, AttachInternetGateway, CreateRouteTable, CreateRoute and
 *       AssociateRouteTable, tagging on create (CreateTags under the create call);</li>
 *   <li>destroy: the same Describe calls, then DisassociateRouteTable, DeleteRouteTable,
 *       DetachInternetGateway, DeleteInternetGateway, DeleteSubnet and DeleteVpc.</li>
 * </ul>
 */
final class NetworkPermissions {

    private static final List<String> CREATE_CALLS = List.of("CreateInternetGateway", "CreateRouteTable", "CreateSubnet", "CreateVpc");

    private NetworkPermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        List<String> networkResources = List.of(
                ResourceNames.ec2Arn(config, "vpc/*"),
                ResourceNames.ec2Arn(config, "subnet/*"),
                ResourceNames.ec2Arn(config, "internet-gateway/*"),
                ResourceNames.ec2Arn(config, "route-table/*"));
        List<Condition> requestTags = List.of(
                Condition.requestTagEquals(TAG_DEPLOYMENT, config.deployment()),
                Condition.requestTagEquals(TAG_MANAGED, "true"));
        String newTaggedOnly = "only new resources whose create request tags them " + TAG_DEPLOYMENT + "="
                + config.deployment() + " and " + TAG_MANAGED + "=true";
        String ownedOnly = "only the VPC, subnets, internet gateway and route tables tagged " + TAG_DEPLOYMENT + "="
                + config.deployment();

        return List.of(
                PermissionRequirement.builder(RoleKind.DEPLOYER, "DescribeNetwork")
                        .reason("apply picks two availability zones that offer the worker instance types, and apply"
                                + " and destroy find the deployment's network by its tags before they change anything")
                        .actions("ec2:DescribeAvailabilityZones", "ec2:DescribeInstanceTypeOfferings",
                                "ec2:DescribeInternetGateways", "ec2:DescribeRouteTables", "ec2:DescribeSubnets",
                                "ec2:DescribeVpcs")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "CreateTaggedVpc")
                        .reason("apply creates the deployment's VPC from network.managed.cidr")
                        .scoping(newTaggedOnly)
                        .actions("ec2:CreateVpc")
                        .resources(ResourceNames.ec2Arn(config, "vpc/*"))
                        .conditions(requestTags)
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "CreateTaggedNetworkParts")
                        .reason("apply creates two subnets, an internet gateway and a route table")
                        .scoping(newTaggedOnly + "; the VPC they go into is covered by ConfigureOwnNetwork")
                        .actions("ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateSubnet")
                        .resources(ResourceNames.ec2Arn(config, "subnet/*"),
                                ResourceNames.ec2Arn(config, "internet-gateway/*"),
                                ResourceNames.ec2Arn(config, "route-table/*"))
                        .conditions(requestTags)
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "ConfigureOwnNetwork")
                        .reason("apply creates subnets and a route table in its own VPC, turns on DNS hostnames and"
                                + " public addresses, attaches the internet gateway and routes 0.0.0.0/0 through it")
                        .scoping(ownedOnly)
                        .actions("ec2:AssociateRouteTable", "ec2:AttachInternetGateway", "ec2:CreateRoute",
                                "ec2:CreateRouteTable", "ec2:CreateSubnet", "ec2:ModifySubnetAttribute",
                                "ec2:ModifyVpcAttribute")
                        .resources(networkResources)
                        .conditions(Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment()))
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "TagNetworkOnCreate")
                        .reason("the create calls tag what they create, which IAM authorizes as ec2:CreateTags")
                        .scoping("only as part of " + String.join(", ", CREATE_CALLS))
                        .actions("ec2:CreateTags")
                        .resources(networkResources)
                        .conditions(new Condition("StringEquals", "ec2:CreateAction", CREATE_CALLS))
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "DeleteOwnNetwork")
                        .reason("destroy removes the route table, internet gateway, subnets and VPC it created")
                        .scoping(ownedOnly)
                        .actions("ec2:DeleteInternetGateway", "ec2:DeleteRouteTable", "ec2:DeleteSubnet",
                                "ec2:DeleteVpc", "ec2:DetachInternetGateway", "ec2:DisassociateRouteTable")
                        .resources(networkResources)
                        .conditions(Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment()))
                        .build());
    }
}
