package io.berth.policy;

import io.berth.api.RoleKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The floor of what each runtime role needs, as agreed with the service's operators. A generated
 * statement with an action outside its role's list is an addition, which the report marks and
 * explains. The deployer has no baseline: its documents come from the active bundles alone.
 */
public final class BaselinePermissions {

    private static final Map<RoleKind, List<String>> ACTIONS = Map.of(
            RoleKind.USER_INITIATED, List.of(
                    "ec2:CreateTags", "ec2:RunInstances", "ec2:DescribeInstances", "ec2:DescribeInstanceTypeOfferings",
                    "ec2:DescribeInstanceTypes", "ec2:TerminateInstances", "ec2:CreateFleet",
                    "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion", "ec2:DescribeLaunchTemplates"),
            RoleKind.UNATTENDED, List.of(
                    "ec2:DescribeInstances", "ec2:TerminateInstances", "ec2:DescribeFleets",
                    "ec2:DeleteLaunchTemplate", "ec2:DeleteLaunchTemplateVersions", "ec2:DeleteFleets",
                    "sts:GetCallerIdentity", "sts:TagSession"),
            RoleKind.WORKER, List.of("s3:PutObject", "s3:GetObject", "s3:ListBucket"),
            RoleKind.DEPLOYER, List.of());

    private BaselinePermissions() {
    }

    /** Returns the baseline actions of a role kind, sorted, or none for the deployer. */
    public static Set<String> actions(RoleKind kind) {
        return new TreeSet<>(ACTIONS.get(kind));
    }

    /** Returns whether an action is on the role's baseline list, ignoring case as IAM does. */
    static boolean contains(RoleKind kind, String action) {
        return ACTIONS.get(kind).stream().anyMatch(listed -> listed.equalsIgnoreCase(action));
    }
}
