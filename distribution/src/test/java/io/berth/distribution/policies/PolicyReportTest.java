package io.berth.distribution.policies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.GeneratedRole;
import io.berth.api.GeneratedRole.StatementReason;
import io.berth.api.RoleKind;
import io.berth.api.config.ControlPlaneConfig;
import io.berth.api.config.DeploymentConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReportTest {

    private static final DeploymentConfig CONFIG = new DeploymentConfig("analytics", "eu-west-1", null, null, null, null,
            null, new ControlPlaneConfig("arn:aws:iam::111122223333:role/cp", "5d1e0c7a-example"), null, null, null, null);

    private static final String TRUST = """
            {"Version": "2012-10-17", "Statement": {"Sid": "TrustControlPlane", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::111122223333:role/cp"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"sts:ExternalId": "5d1e0c7a-example"}}}}""";

    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "DescribeCompute", "Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:DescribeFleets"],
              "Resource": "*"},
             {"Sid": "PassWorkerRole", "Effect": "Allow", "Action": "iam:PassRole",
              "Resource": "arn:aws:iam::${aws:PrincipalAccount}:role/berth/berth-analytics-worker",
              "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}]}""";

    @Test
    void reportShowsTrustReasonsAndAdditions() {
        GeneratedRole role = new GeneratedRole(RoleKind.USER_INITIATED, "berth-analytics-user-initiated", "/berth/", TRUST,
                POLICY, null, List.of(
                        new StatementReason("DescribeCompute", "start checks instance types",
                                "no resource-level scoping in IAM for these Describe actions", false),
                        new StatementReason("PassWorkerRole", "workers launch with the worker instance profile",
                                "only the Worker role", true)));

        String report = print(role);

        assertTrue(report.contains("account ${aws:PrincipalAccount} (accountId is not set; apply looks it up)"), report);
        assertTrue(report.contains("Generated from the active bundles: network.managed, fleet"), report);
        assertTrue(report.contains("Role user-initiated: berth-analytics-user-initiated"), report);
        assertTrue(report.contains("Permission boundary: none"), report);
        assertTrue(report.contains("TrustControlPlane: arn:aws:iam::111122223333:role/cp may call sts:AssumeRole"
                + " when sts:ExternalId StringEquals 5d1e0c7a-example"), report);
        assertTrue(report.contains("Scoping:    no resource-level scoping in IAM for these Describe actions"), report);
        assertTrue(report.contains("PassWorkerRole  [addition: beyond the baseline permission list]"), report);
        assertTrue(report.contains("Conditions: iam:PassedToService StringEquals ec2.amazonaws.com"), report);
        assertTrue(report.contains("Reason:     workers launch with the worker instance profile"), report);
    }

    @Test
    void reportWarnsOfWorkerWithoutBuckets() {
        GeneratedRole worker = new GeneratedRole(RoleKind.WORKER, "berth-analytics-worker", "/berth/", TRUST,
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null, "berth-analytics-worker", List.of());

        String report = print(worker);

        assertTrue(report.contains("Instance profile:    berth-analytics-worker"), report);
        assertTrue(report.contains("Statements: none, so the role gets no inline policy"), report);
        assertTrue(report.contains("workers cannot read data, because no bucket is configured"), report);
    }

    private static String print(GeneratedRole role) {
        StringWriter text = new StringWriter();
        PolicyReport.print(CONFIG, new PolicyDocuments.Generated(List.of(role), List.of("network.managed", "fleet")),
                new PrintWriter(text));
        return text.toString();
    }
}
