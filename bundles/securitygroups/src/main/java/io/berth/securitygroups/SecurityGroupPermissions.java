package io.berth.securitygroups;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;
import static io.berth.api.config.DeploymentConfig.TAG_MANAGED;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * The EC2 calls that apply and destroy of the security groups make, as IAM requirements of the
 * deployer. Apply and destroy must call nothing outside this list:
 *
 * <ul>
 *   <li>apply: DescribeSecurityGroups to find the groups by tag, CreateSecurityGroup for the
 *       direct-mode and proxy-mode groups, tagging on create (CreateTags under the create call),
 *       AuthorizeSecurityGroupIngress for the allow-listed CIDRs and the intra-cluster rule,
 *       RevokeSecurityGroupIngress for rules no longer in the config, and
 *       AuthorizeSecurityGroupEgress and RevokeSecurityGroupEgress to keep outbound open to all and
 *       nothing else;</li>
 *   <li>destroy: DescribeSecurityGroups, then DeleteSecurityGroup.</li>
 * </ul>
 */
final class SecurityGroupPermissions {

    private SecurityGroupPermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        String securityGroups = ResourceNames.ec2Arn(config, "security-group/*");
        Condition ownedOnly = Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment());
        String ownedGroups = "only security groups tagged " + TAG_DEPLOYMENT + "=" + config.deployment();

        return List.of(
                PermissionRequirement.builder(RoleKind.DEPLOYER, "DescribeSecurityGroups")
                        .reason("apply and destroy find the deployment's security groups by their tags")
                        .actions("ec2:DescribeSecurityGroups")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "CreateTaggedSecurityGroups")
                        .reason("apply creates the direct-mode and the proxy-mode security group")
                        .scoping("only new security groups whose create request tags them " + TAG_DEPLOYMENT + "="
                                + config.deployment() + " and " + TAG_MANAGED + "=true")
                        .actions("ec2:CreateSecurityGroup")
                        .resources(securityGroups)
                        .conditions(Condition.requestTagEquals(TAG_DEPLOYMENT, config.deployment()),
                                Condition.requestTagEquals(TAG_MANAGED, "true"))
                        .build(),
                inDeploymentVpc(config),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "ConfigureOwnSecurityGroups")
                        .reason("apply allows the configured client CIDRs on the service ports in direct mode and"
                                + " traffic within the cluster, removes rules that the config no longer names, and"
                                + " keeps outbound traffic open")
                        .scoping(ownedGroups)
                        .actions("ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress",
                                "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress")
                        .resources(securityGroups)
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "TagSecurityGroupsOnCreate")
                        .reason("CreateSecurityGroup tags the groups it creates, which IAM authorizes as ec2:CreateTags")
                        .scoping("only as part of CreateSecurityGroup")
                        .actions("ec2:CreateTags")
                        .resources(securityGroups)
                        .conditions(Condition.of("StringEquals", "ec2:CreateAction", "CreateSecurityGroup"))
                        .build(),
                PermissionRequirement.builder(RoleKind.DEPLOYER, "DeleteOwnSecurityGroups")
                        .reason("destroy removes the security groups it created")
                        .scoping(ownedGroups)
                        .actions("ec2:DeleteSecurityGroup")
                        .resources(securityGroups)
                        .conditions(ownedOnly)
                        .build());
    }

    /**
     * CreateSecurityGroup is also authorized on the VPC the group goes into: the adopted VPC by
     * its id, because adopted resources carry no Berth tags, else the VPC tagged for the deployment.
     */
    private static PermissionRequirement inDeploymentVpc(DeploymentConfig config) {
        PermissionRequirement.Builder requirement = PermissionRequirement
                .builder(RoleKind.DEPLOYER, "CreateSecurityGroupsInDeploymentVpc")
                .reason("a security group is created inside the deployment's VPC")
                .actions("ec2:CreateSecurityGroup");
        if (config.network() != null && config.network().byon() != null) {
            String vpcId = config.network().byon().vpcId();
            return requirement
                    .scoping("only the adopted VPC " + vpcId)
                    .resources(ResourceNames.ec2Arn(config, "vpc/" + vpcId))
                    .build();
        }
        return requirement
                .scoping("only the VPC tagged " + TAG_DEPLOYMENT + "=" + config.deployment())
                .resources(ResourceNames.ec2Arn(config, "vpc/*"))
                .conditions(Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment()))
                .build();
    }
}
