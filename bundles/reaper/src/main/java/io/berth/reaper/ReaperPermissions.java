package io.berth.reaper;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * The calls that one reaper pass makes under the Unattended role. A pass must call nothing
 * outside this list. It calls GetCallerIdentity to confirm the account it works in, and
 * DescribeInstances and DescribeLaunchTemplates filtered by the deployment's tags. It calls
 * DescribeFleets for the fleet ids recorded on the launch templates and instances. Then it calls
 * DeleteFleets, TerminateInstances and DeleteLaunchTemplate for idle, expired and orphaned
 * clusters. DeleteLaunchTemplateVersions and sts:TagSession are granted because the baseline
 * lists them, but a pass calls neither.
 */
final class ReaperPermissions {

    private ReaperPermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        Condition ownedOnly = Condition.resourceTagEquals(TAG_DEPLOYMENT, config.deployment());
        String tagged = " tagged " + TAG_DEPLOYMENT + "=" + config.deployment();

        return List.of(
                PermissionRequirement.builder(RoleKind.UNATTENDED, "DescribeClusters")
                        .reason("a reaper pass finds the deployment's instances by their tags, and the fleets by the ids"
                                + " recorded on the launch templates and the instances")
                        .actions("ec2:DescribeFleets", "ec2:DescribeInstances")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "DescribeLaunchTemplates")
                        .reason("a reaper pass finds the deployment's launch templates by their tags, to remove those"
                                + " of removed clusters and those with no running instance, and reads the fleet ids"
                                + " recorded on them")
                        .actions("ec2:DescribeLaunchTemplates")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "TerminateOwnInstances")
                        .reason("the reaper terminates the instances of idle, expired and orphaned clusters")
                        .scoping("only instances" + tagged)
                        .actions("ec2:TerminateInstances")
                        .resources(ResourceNames.ec2Arn(config, "instance/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "DeleteOwnFleets")
                        .reason("the reaper deletes the fleets of removed clusters")
                        .scoping("only fleets" + tagged)
                        .actions("ec2:DeleteFleets")
                        .resources(ResourceNames.ec2Arn(config, "fleet/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "DeleteOwnLaunchTemplates")
                        .reason("the reaper deletes the launch templates of removed clusters. DeleteLaunchTemplate"
                                + " removes every version, so DeleteLaunchTemplateVersions is kept from the baseline"
                                + " list only")
                        .scoping("only launch templates" + tagged)
                        .actions("ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions")
                        .resources(ResourceNames.ec2Arn(config, "launch-template/*"))
                        .conditions(ownedOnly)
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "ReadCallerIdentity")
                        .reason("a reaper pass confirms the account it works in before it removes anything")
                        .actions("sts:GetCallerIdentity")
                        .resources("*")
                        .build(),
                PermissionRequirement.builder(RoleKind.UNATTENDED, "TagOwnRoleSessions")
                        .reason("kept from the baseline list. It lets a session of this role pass the session tag "
                                + TAG_DEPLOYMENT + " when it assumes one of the deployment's roles, and has effect"
                                + " only together with sts:AssumeRole on that role, which no generated policy grants")
                        .scoping("only the deployment's runtime roles, by ARN, and only with the session tag "
                                + TAG_DEPLOYMENT + "=" + config.deployment())
                        .actions("sts:TagSession")
                        .resources(ResourceNames.roleArn(config, RoleKind.USER_INITIATED),
                                ResourceNames.roleArn(config, RoleKind.UNATTENDED),
                                ResourceNames.roleArn(config, RoleKind.WORKER))
                        .conditions(Condition.requestTagEquals(TAG_DEPLOYMENT, config.deployment()))
                        .build());
    }
}
