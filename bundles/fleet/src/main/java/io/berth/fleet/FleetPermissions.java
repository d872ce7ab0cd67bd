package io.berth.fleet;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;
import static io.berth.api.config.DeploymentConfig.TAG_MANAGED;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * The EC2 and IAM calls that starting, listing and stopping clusters make under the UserInitiated
 * role. Those operations must call nothing outside this list:
 *
 * <ul>
 *   <li>start: DescribeInstanceTypes and DescribeInstanceTypeOfferings to check the requested
 *       types, DescribeLaunchTemplates to find the cluster's template, CreateLaunchTemplate or
 *       CreateLaunchTemplateVersion, then CreateFleet of type instant (which IAM also authorizes as
 *       RunInstances and, for the worker instance profile, iam:PassRole). Every create call tags
 *       what it creates with berth:deployment and berth:managed, and the launch template tags the
 *       instances, volumes, network interfaces and Spot requests it launches.</li>
 *   <li>list: DescribeInstances filtered by the deployment's tag.</li>
 *   <li>stop: DescribeInstances, then TerminateInstances. The reaper removes the fleet and the
 *       launch template afterwards.</li>
 * </ul>
 */
final class FleetPermissions {

    private static final List<String> CREATE_CALLS =
            List.of("CreateFleet", "CreateLaunchTemplate", "CreateLaunchTemplateVersion", "RunInstances");

    private FleetPermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        Condition ownedOnly = Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment());
        List<Condition> requestTags = List.of(
                Condition.requestTagEquals(TAG_DEPLOYMENT, config.deployment()),
                Condition.requestTagEquals(TAG_MANAGED, "true"));
        String newTaggedOnly = "only new resources whose create request tags them " + TAG_DEPLOYMENT + "="
                + config.deployment() + " and " + TAG_MANAGED + "=true";

        return List.of(
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "DescribeCompute")
                        .reason("start checks the requested instance types and finds the cluster's launch template;"
                                + " list and stop find the deployment's instances")
                        .actions("ec2:DescribeInstanceTypeOfferings", "ec2:DescribeInstanceTypes",
                                "ec2:DescribeInstances", "ec2:DescribeLaunchTemplates")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "CreateTaggedLaunchTemplates")
                        .reason("start creates a launch template per cluster")
                        .scoping(newTaggedOnly + "; the subnets and security groups in the template are"
                                + " checked when instances launch")
                        .actions("ec2:CreateLaunchTemplate")
                        .resources(ResourceNames.ec2Arn(config, "launch-template/*"))
                        .conditions(requestTags)
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "UpdateOwnLaunchTemplates")
                        .reason("start adds a version to the cluster's launch template when the request changed")
                        .scoping("only launch templates tagged " + TAG_DEPLOYMENT + "=" + config.deployment())
                        .actions("ec2:CreateLaunchTemplateVersion")
                        .resources(ResourceNames.ec2Arn(config, "launch-template/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "LaunchTaggedInstances")
                        .reason("start launches the workers as an EC2 Fleet, which IAM authorizes as CreateFleet"
                                + " and RunInstances on every resource the launch creates")
                        .scoping(newTaggedOnly)
                        .actions("ec2:CreateFleet", "ec2:RunInstances")
                        .resources(ResourceNames.ec2Arn(config, "fleet/*"),
                                ResourceNames.ec2Arn(config, "instance/*"),
                                ResourceNames.ec2Arn(config, "network-interface/*"),
                                ResourceNames.ec2Arn(config, "spot-instances-request/*"),
                                ResourceNames.ec2Arn(config, "volume/*"))
                        .conditions(requestTags)
                        .build(),
                inDeploymentSubnets(config),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "LaunchWithOwnSecurityGroupsAndTemplates")
                        .reason("the workers launch from the cluster's launch template with the deployment's"
                                + " security group")
                        .scoping("only security groups and launch templates tagged " + TAG_DEPLOYMENT + "="
                                + config.deployment())
                        .actions("ec2:CreateFleet", "ec2:RunInstances")
                        .resources(ResourceNames.ec2Arn(config, "launch-template/*"),
                                ResourceNames.ec2Arn(config, "security-group/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "LaunchFromImages")
                        .reason("a launch reads the machine image the workers boot from")
                        .scoping("any image in " + config.region() + ", because each cluster request names its own"
                                + " image; images belong to no account in their ARN")
                        .actions("ec2:CreateFleet", "ec2:RunInstances")
                        .resources("arn:" + ResourceNames.partition(config.region()) + ":ec2:" + config.region()
                                + "::image/*")
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "TagComputeOnCreate")
                        .reason("the create calls tag what they create, which IAM authorizes as ec2:CreateTags")
                        .scoping("only as part of " + String.join(", ", CREATE_CALLS) + ", and only with "
                                + TAG_DEPLOYMENT + "=" + config.deployment() + " in the request")
                        .actions("ec2:CreateTags")
                        .resources(ResourceNames.ec2Arn(config, "fleet/*"),
                                ResourceNames.ec2Arn(config, "instance/*"),
                                ResourceNames.ec2Arn(config, "launch-template/*"),
                                ResourceNames.ec2Arn(config, "network-interface/*"),
                                ResourceNames.ec2Arn(config, "spot-instances-request/*"),
                                ResourceNames.ec2Arn(config, "volume/*"))
                        .conditions(new Condition("StringEquals", "ec2:CreateAction", CREATE_CALLS),
                                Condition.requestTagEquals(TAG_DEPLOYMENT, config.deployment()))
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "TerminateOwnInstances")
                        .reason("stop terminates the cluster's instances")
                        .scoping("only instances tagged " + TAG_DEPLOYMENT + "=" + config.deployment())
                        .actions("ec2:TerminateInstances")
                        .resources(ResourceNames.ec2Arn(config, "instance/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "PassWorkerRole")
                        .reason("the workers launch with the worker instance profile, and EC2 accepts it only when"
                                + " the caller may pass the Worker role in it")
                        .scoping("only the Worker role, by ARN, and only to ec2.amazonaws.com")
                        .actions("iam:PassRole")
                        .resources(ResourceNames.roleArn(config, RoleKind.WORKER))
                        .conditions(Condition.of("StringEquals", "iam:PassedToService", "ec2.amazonaws.com"))
                        .build());
    }

    /**
     * Launches go only into the deployment's subnets: the adopted subnets by id, because adopted
     * resources carry no Berth tags, else the subnets tagged for the deployment.
     */
    private static PermissionRequirement inDeploymentSubnets(DeploymentConfig config) {
        PermissionRequirement.Builder requirement = PermissionRequirement
                .builder(RoleKind.USER_INITIATED, "LaunchInDeploymentSubnets")
                .reason("the workers launch into the deployment's subnets")
                .actions("ec2:CreateFleet", "ec2:RunInstances");
        if (config.network() != null && config.network().byon() != null) {
            List<String> subnetIds = config.network().byon().subnetIds();
            return requirement
                    .scoping("only the adopted subnets " + String.join(", ", subnetIds))
                    .resources(subnetIds.stream().map(id -> ResourceNames.ec2Arn(config, "subnet/" + id)).toList())
                    .build();
        }
        return requirement
                .scoping("only subnets tagged " + TAG_DEPLOYMENT + "=" + config.deployment())
                .resources(ResourceNames.ec2Arn(config, "subnet/*"))
                .conditions(Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment()))
                .build();
    }
}
