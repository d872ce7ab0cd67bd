package io.berth.rules;

import io.berth.api.GeneratedRole;
import io.berth.api.Plan;
import io.berth.api.PlannedResource;
import io.berth.api.ResourceAction;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.IngressConfig;
import io.berth.api.config.Mode;
import io.berth.api.config.NetworkConfig;
import java.util.List;
import java.util.Map;

/** A minimal plan: one direct security group and a worker role that reads one bucket. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static Plan withIngress(String cidr) {
        DeploymentConfig config = new DeploymentConfig("analytics", "eu-west-1", "123456789012", Mode.DIRECT,
                new NetworkConfig(new NetworkConfig.Managed("10.42.0.0/16"), null, null),
                new IngressConfig(List.of(cidr), List.of(443)), List.of(), null, null, null, Map.of(), null);
        PlannedResource group = new PlannedResource("AWS::EC2::SecurityGroup", "berth-analytics-direct",
                ResourceAction.CREATE, "securitygroups", Map.of("purpose", "direct"), List.of());
        GeneratedRole worker = new GeneratedRole(RoleKind.WORKER, "berth-analytics-worker", "/berth/", null,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadData\",\"Effect\":\"Allow\","
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-analytics-data/*\"}]}",
                null, List.of());
        return new Plan(config, List.of(group), List.of(worker), List.of());
    }
}
