package io.berth.roles;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM calls that apply and destroy of the runtime roles make, as IAM requirements of the
 * deployer. Apply and destroy must call nothing outside this list:
 *
 * <ul>
 *   <li>apply: GetRole to find each runtime role, then CreateRole with tags (TagRole) and,
 *       when roles.permissionBoundary is set, with the boundary. TagRole, UpdateAssumeRolePolicy
 *       and PutRolePermissionsBoundary bring an existing role back to the generated state.
 *       GetRolePolicy and PutRolePolicy keep the inline identity policy. GetInstanceProfile,
 *       CreateInstanceProfile with tags (TagInstanceProfile) and AddRoleToInstanceProfile set up
 *       the worker's profile, and IAM authorizes the last one only with iam:PassRole on the
 *       Worker role.</li>
 *   <li>destroy: RemoveRoleFromInstanceProfile, DeleteInstanceProfile, DeleteRolePolicy and
 *       DeleteRole.</li>
 * </ul>
 *
 * Berth knows the names of its roles, inline policies and instance profile, so it needs no List
 * call, which IAM could not scope to them.
 */
final class RolePermissions {

    private RolePermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        List<String> runtimeRoles = List.of(
                ResourceNames.roleArn(config, RoleKind.USER_INITIATED),
                ResourceNames.roleArn(config, RoleKind.UNATTENDED),
                ResourceNames.roleArn(config, RoleKind.WORKER));
        String boundary = config.roles().permissionBoundary();
        String runtimeRolesOnly = "only the deployment's three runtime roles, by ARN";

        List<String> roleActions = new ArrayList<>(List.of("iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetRole",
                "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:TagRole", "iam:UpdateAssumeRolePolicy"));
        if (boundary == null) {
            roleActions.add("iam:CreateRole");
        }

        List<PermissionRequirement> requirements = new ArrayList<>();
        requirements.add(PermissionRequirement.builder(RoleKind.DEPLOYER, "ManageRuntimeRoles")
                .reason("apply creates the UserInitiated, Unattended and Worker roles with their trust and inline"
                        + " policies and tags, and keeps them as generated; destroy deletes them")
                .scoping(runtimeRolesOnly)
                .actions(roleActions.toArray(String[]::new))
                .resources(runtimeRoles)
                .build());
        if (boundary != null) {
            requirements.add(PermissionRequirement.builder(RoleKind.DEPLOYER, "CreateBoundedRuntimeRoles")
                    .reason("apply creates the runtime roles with the permission boundary of roles.permissionBoundary"
                            + " and puts it back on a role that lost it")
                    .scoping(runtimeRolesOnly + ", and only with the boundary " + boundary
                            + ", so that the deployer cannot create a role without it")
                    .actions("iam:CreateRole", "iam:PutRolePermissionsBoundary")
                    .resources(runtimeRoles)
                    .conditions(Condition.of("StringEquals", "iam:PermissionsBoundary", boundary))
                    .build());
        }
        requirements.add(PermissionRequirement.builder(RoleKind.DEPLOYER, "ManageWorkerInstanceProfile")
                .reason("apply creates the worker's instance profile and puts the Worker role in it; destroy"
                        + " takes the role out and deletes the profile")
                .scoping("only the deployment's worker instance profile, by ARN")
                .actions("iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile",
                        "iam:GetInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:TagInstanceProfile")
                .resources(ResourceNames.instanceProfileArn(config))
                .build());
        // NOTE: IAM documents that AddRoleToInstanceProfile checks iam:PassRole in the context of EC2
        // instances (iam:AssociatedResourceArn); that it sets iam:PassedToService to EC2 there is
        // read from that, not yet seen in a real account.
        requirements.add(PermissionRequirement.builder(RoleKind.DEPLOYER, "PassWorkerRoleToInstanceProfile")
                .reason("IAM authorizes AddRoleToInstanceProfile only when the caller may pass the role")
                .scoping("only the Worker role, by ARN, and only to EC2")
                .actions("iam:PassRole")
                .resources(ResourceNames.roleArn(config, RoleKind.WORKER))
                .conditions(Condition.of("StringEquals", "iam:PassedToService", "ec2.amazonaws.com"))
                .build());
        return requirements;
    }
}
