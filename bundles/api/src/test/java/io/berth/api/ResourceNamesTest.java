package io.berth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.NetworkConfig;
import io.berth.api.config.RolesConfig;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void templateRoleArnUsesPseudoParameters() {
        DeploymentConfig template = ResourceNames.forTemplate(config(null));

        assertEquals("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/berth/berth-analytics-worker",
                ResourceNames.roleArn(template, RoleKind.WORKER));
    }

    @Test
    void templateEc2ArnUsesPseudoParameters() {
        DeploymentConfig template = ResourceNames.forTemplate(config(null));

        assertEquals("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:vpc/*",
                ResourceNames.ec2Arn(template, "vpc/*"));
    }

    @Test
    void templateBoundaryOfOwnAccountUsesPseudoParameters() {
        DeploymentConfig template = ResourceNames.forTemplate(config("arn:aws:iam::123456789012:policy/platform/boundary"));

        assertEquals("arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/platform/boundary",
                template.roles().permissionBoundary());
    }

    @Test
    void templateBoundaryManagedByAwsKeepsAccount() {
        DeploymentConfig template = ResourceNames.forTemplate(config("arn:aws:iam::aws:policy/PowerUserAccess"));

        assertEquals("arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess", template.roles().permissionBoundary());
    }

    @Test
    void partitionOfRegions() {
        assertEquals("aws-cn", ResourceNames.partition("cn-north-1"));
        assertEquals("aws-us-gov", ResourceNames.partition("us-gov-west-1"));
        assertEquals("aws", ResourceNames.partition("eu-west-1"));
    }

    private static DeploymentConfig config(String boundary) {
        return new DeploymentConfig("analytics", "eu-west-1", "123456789012", null,
                new NetworkConfig(new NetworkConfig.Managed("10.42.0.0/16"), null, null), null, null, null,
                new RolesConfig(null, null, boundary), null, null, null);
    }
}
