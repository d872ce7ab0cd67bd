package io.berth.rules.internal;

import io.berth.api.GeneratedRole;
import io.berth.api.Plan;
import io.berth.api.PlannedResource;
import io.berth.api.ResourceAction;
import io.berth.api.RoleKind;
import io.berth.api.config.BucketConfig;
import io.berth.api.config.ControlPlaneConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.IngressConfig;
import io.berth.api.config.Mode;
import io.berth.api.config.NetworkConfig;
import io.berth.api.config.RulesConfig;
import java.util.List;
import java.util.Map;

/** Small plans for the tests, written out in full so that the expected documents can be read beside them. */
final class Plans {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/berth-control-plane\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}";

    private Plans() {
    }

    static DeploymentConfig config(Mode mode, List<String> cidrs, RulesConfig rules) {
        return new DeploymentConfig("analytics", "eu-west-1", "123456789012", mode,
                new NetworkConfig(new NetworkConfig.Managed("10.42.0.0/16"), null, null),
                new IngressConfig(cidrs, List.of(443)),
                List.of(new BucketConfig("acme-analytics-data", List.of("polars/"))),
                new ControlPlaneConfig("arn:aws:iam::111122223333:role/berth-control-plane", "5d1e0c7a-example"),
                null, rules, Map.of("cost-center", "4711"), null);
    }

    static GeneratedRole role(RoleKind kind, String name, String policy) {
        return new GeneratedRole(kind, name, "/berth/", kind.isRuntime() ? TRUST : null, policy, null, List.of());
    }

    static String policy(String sid, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
                + "\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** Builds a direct-mode plan with a network, both security groups and the four roles. */
    static Plan fullPlan(List<String> cidrs, RulesConfig rules) {
        DeploymentConfig config = config(Mode.DIRECT, cidrs, rules);
        List<PlannedResource> resources = List.of(
                resource("AWS::EC2::VPC", "berth-analytics", ResourceAction.CREATE, Map.of("cidr", "10.42.0.0/16")),
                resource("AWS::EC2::Subnet", "berth-analytics-eu-west-1a", ResourceAction.CREATE,
                        Map.of("cidr", "10.42.0.0/20", "availabilityZone", "eu-west-1a", "mapPublicIpOnLaunch", "true")),
                resource("AWS::EC2::Subnet", "berth-analytics-eu-west-1b", ResourceAction.KEEP,
                        Map.of("cidr", "10.42.16.0/20", "availabilityZone", "eu-west-1b")),
                resource("AWS::EC2::InternetGateway", "berth-analytics", ResourceAction.CREATE, Map.of()),
                resource("AWS::EC2::VPCEndpoint", "berth-analytics-s3", ResourceAction.CREATE, Map.of()),
                resource("AWS::EC2::SecurityGroup", "berth-analytics-direct", ResourceAction.CREATE, Map.of()),
                resource("AWS::EC2::SecurityGroup", "berth-analytics-proxy", ResourceAction.CREATE,
                        Map.of("purpose", "proxy")),
                resource("AWS::IAM::Role", "berth-analytics-worker", ResourceAction.CREATE, Map.of()),
                resource("AWS::IAM::InstanceProfile", "berth-analytics-worker", ResourceAction.CREATE, Map.of()),
                resource("AWS::EC2::LaunchTemplate", "berth-analytics-old", ResourceAction.DELETE, Map.of()));
        List<GeneratedRole> roles = List.of(
                role(RoleKind.DEPLOYER, "berth-analytics-deployer",
                        policy("CreateNetwork", "ec2:CreateVpc", "*")),
                role(RoleKind.USER_INITIATED, "berth-analytics-user-initiated",
                        policy("StartWorkers", "ec2:RunInstances", "arn:aws:ec2:eu-west-1:123456789012:instance/*")),
                role(RoleKind.UNATTENDED, "berth-analytics-unattended",
                        policy("ReapClusters", "ec2:TerminateInstances", "arn:aws:ec2:eu-west-1:123456789012:instance/*")),
                role(RoleKind.WORKER, "berth-analytics-worker",
                        policy("ReadData", "s3:GetObject", "arn:aws:s3:::acme-analytics-data/polars/*")));
        return new Plan(config, resources, roles, List.of());
    }

    private static PlannedResource resource(String type, String name, ResourceAction action, Map<String, String> properties) {
        return new PlannedResource(type, name, action, "test", properties, List.of());
    }
}
