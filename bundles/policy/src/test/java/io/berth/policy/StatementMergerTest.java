package io.berth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.RoleKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementMergerTest {

    @Test
    void sameResourcesMergeActions() {
        List<MergedStatement> merged = StatementMerger.merge(List.of(
                requirement("Describe", "ec2:DescribeVpcs", "*", "the network provider finds its VPC"),
                requirement("Describe", "ec2:DescribeSecurityGroups", "*", "the security groups provider finds its groups")));

        assertEquals(1, merged.size());
        assertEquals(List.of("ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"), merged.get(0).actions());
        assertEquals("the security groups provider finds its groups; the network provider finds its VPC",
                merged.get(0).reason(), "reasons follow the sorted actions, not the publishing order");
    }

    @Test
    void conflictingSidGetsNumber() {
        List<MergedStatement> merged = StatementMerger.merge(List.of(
                requirement("Manage", "ec2:DeleteVpc", "arn:aws:ec2:eu-west-1:123456789012:vpc/*", ""),
                requirement("Manage", "ec2:DeleteSubnet", "arn:aws:ec2:eu-west-1:123456789012:subnet/*", "")));

        assertEquals(List.of("Manage", "Manage2"), merged.stream().map(MergedStatement::sid).toList());
        assertEquals(List.of("ec2:DeleteSubnet"), merged.get(0).actions());
        assertEquals(List.of("ec2:DeleteVpc"), merged.get(1).actions());
    }

    @Test
    void differentConditionsStayApart() {
        PermissionRequirement analytics = PermissionRequirement.builder(RoleKind.UNATTENDED, "Terminate")
                .actions("ec2:TerminateInstances").resources("arn:aws:ec2:eu-west-1:123456789012:instance/*")
                .conditions(Condition.resourceTagEquals("berth:deployment", "analytics")).build();
        PermissionRequirement untagged = PermissionRequirement.builder(RoleKind.UNATTENDED, "Terminate")
                .actions("ec2:TerminateInstances").resources("arn:aws:ec2:eu-west-1:123456789012:instance/*").build();

        assertEquals(2, StatementMerger.merge(List.of(analytics, untagged)).size());
    }

    @Test
    void mergeIndependentOfOrder() {
        PermissionRequirement first = requirement("Manage", "ec2:DeleteVpc", "arn:aws:ec2:eu-west-1:123456789012:vpc/*", "a");
        PermissionRequirement second = requirement("Manage", "ec2:DeleteSubnet", "arn:aws:ec2:eu-west-1:123456789012:subnet/*", "b");

        assertEquals(StatementMerger.merge(List.of(first, second)), StatementMerger.merge(List.of(second, first)));
    }

    @Test
    void conditionValuesJoinedAndSorted() {
        List<Condition> normalized = StatementMerger.normalize(List.of(
                Condition.of("StringEquals", "ec2:CreateAction", "RunInstances"),
                Condition.of("StringEquals", "aws:RequestTag/berth:deployment", "analytics"),
                Condition.of("StringEquals", "ec2:CreateAction", "CreateFleet")));

        assertEquals(List.of(
                Condition.of("StringEquals", "aws:RequestTag/berth:deployment", "analytics"),
                Condition.of("StringEquals", "ec2:CreateAction", "CreateFleet", "RunInstances")), normalized);
    }

    private static PermissionRequirement requirement(String sid, String action, String resource, String reason) {
        return PermissionRequirement.builder(RoleKind.DEPLOYER, sid).reason(reason).actions(action).resources(resource).build();
    }
}
