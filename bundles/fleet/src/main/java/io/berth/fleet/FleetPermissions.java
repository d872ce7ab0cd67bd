package io.berth.fleet;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;
import static io.berth.api.config.DeploymentConfig.TAG_MANAGED;

import io.berth.api.ClusterTags;
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
 *   <li>start: DescribeSubnets and DescribeSecurityGroups to find the deployment's network,
 *       DescribeInstances to refuse a second cluster of the same name, DescribeInstanceTypes and
 *       DescribeInstanceTypeOfferings to check and place the requested types, DescribeImages for
 *       the image, CreateLaunchTemplate, then CreateFleet of type instant (which IAM also
 *       authorizes as RunInstances and, for the worker instance profile, iam:PassRole), then
 *       CreateTags to record the fleet id on the launch template and the instances. Every create call tags what it
 *       creates with berth:deployment and berth:managed, and the launch template tags the
 *       instances, volumes, network interfaces and Spot requests it launches.</li>
 *   <li>list: DescribeInstances and DescribeLaunchTemplates filtered by the deployment's tags.</li>
 *   <li>stop: DescribeInstances, then TerminateInstances. The reaper removes the fleet and the
 *       launch template afterwards.</li>
 *   <li>touch: DescribeInstances and DescribeLaunchTemplates, then CreateTags to write the time
 *       of the last activity on the instances and the fleet.</li>
 * </ul>
 */
final class FleetPermissions {

    /** The tag keys the role may write on existing resources: the cluster state that changes after a launch. */
    private static final List<String> STATE_TAG_KEYS = List.of(ClusterTags.FLEET, ClusterTags.LAST_ACTIVITY);

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
                        .reason("start checks and places the requested instance types; list, stop and touch find the"
                                + " deployment's cluster instances and launch templates by their tags")
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
                describeNetworkAndImages(),
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "UpdateOwnLaunchTemplates")
                        .reason("kept from the baseline list: start gives each launch a launch template of its own, so"
                                + " it never adds a version to an existing one")
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
                launchFromImages(config),
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
                PermissionRequirement.builder(RoleKind.USER_INITIATED, "RecordClusterState")
                        .reason("start records the fleet id on the launch template and the instances, because EC2"
                                + " lists instant fleets only by id, and touch records the time of the last activity on"
                                + " the instances and the fleet")
                        .scoping("only resources tagged " + TAG_DEPLOYMENT + "=" + config.deployment() + ", and only the"
                                + " tag keys " + String.join(" and ", STATE_TAG_KEYS))
                        .actions("ec2:CreateTags")
                        .resources(ResourceNames.ec2Arn(config, "fleet/*"),
                                ResourceNames.ec2Arn(config, "instance/*"),
                                ResourceNames.ec2Arn(config, "launch-template/*"))
                        .conditions(ownedOnly, new Condition("ForAllValues:StringEquals", "aws:TagKeys", STATE_TAG_KEYS))
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

    private static PermissionRequirement describeNetworkAndImages() {
        return PermissionRequirement.builder(RoleKind.USER_INITIATED, "DescribeNetworkAndImages")
                .reason("start finds the deployment's subnets and security group, which also tells whether the"
                        + " deployment is applied, and the machine image the workers boot from")
                .actions("ec2:DescribeImages", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets")
                .resources("*")
                .build();
    }

    /** Returns the grant to launch from the configured image, else from any image of the region, because the newest Amazon Linux image changes. */
    private static PermissionRequirement launchFromImages(DeploymentConfig config) {
        String imageId = config.workers().imageId();
        String images = "arn:" + ResourceNames.partition(config.region()) + ":ec2:" + config.region() + "::image/";
        PermissionRequirement.Builder requirement = PermissionRequirement
                .builder(RoleKind.USER_INITIATED, "LaunchFromImages")
                .reason("a launch reads the machine image the workers boot from")
                .actions("ec2:CreateFleet", "ec2:RunInstances");
        if (imageId != null) {
            return requirement.scoping("only the configured image " + imageId).resources(images + imageId).build();
        }
        return requirement
                .scoping("any image in " + config.region() + ", because workers boot from the newest Amazon Linux 2023"
                        + " image, which changes; images belong to no account in their ARN")
                .resources(images + "*")
                .build();
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
