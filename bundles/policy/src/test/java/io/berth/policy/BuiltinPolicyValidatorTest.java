package io.berth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.Finding;
import io.berth.api.GeneratedRole;
import io.berth.api.RoleKind;
import io.berth.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinPolicyValidatorTest {

    private final BuiltinPolicyValidator validator = new BuiltinPolicyValidator();

    @Test
    void wildcardActionIsFlagged() {
        Finding finding = only(identity(RoleKind.USER_INITIATED,
                statement("AllEc2", "\"ec2:*\"", "\"arn:aws:ec2:eu-west-1:123456789012:instance/*\"")));

        assertEquals(BuiltinPolicyValidator.WILDCARD_ACTION, finding.rule());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("user-initiated/AllEc2", finding.target());
        assertTrue(finding.message().contains("ec2:*"), finding.message());
        assertTrue(!finding.fix().isEmpty());
    }

    @Test
    void starOnScopableActionFlagged() {
        Finding finding = only(identity(RoleKind.UNATTENDED, statement("Terminate", "\"ec2:TerminateInstances\"", "\"*\"")));

        assertEquals(BuiltinPolicyValidator.WILDCARD_RESOURCE, finding.rule());
        assertEquals("unattended/Terminate", finding.target());
        assertTrue(finding.message().contains("ec2:TerminateInstances"), finding.message());
    }

    @Test
    void starOnDescribeAccepted() {
        assertEquals(List.of(), identity(RoleKind.UNATTENDED,
                statement("Describe", "[\"ec2:DescribeInstances\", \"ec2:DescribeFleets\"]", "\"*\"")));
    }

    @Test
    void allowWithNotActionIsFlagged() {
        Finding finding = only(identity(RoleKind.WORKER, """
                {"Sid": "AllButIam", "Effect": "Allow", "NotAction": "iam:*",
                 "Resource": "arn:aws:s3:::acme-analytics-data"}"""));

        assertEquals(BuiltinPolicyValidator.ALLOW_WITH_NOT_ACTION, finding.rule());
        assertEquals("worker/AllButIam", finding.target());
    }

    @Test
    void allowWithNotResourceIsFlagged() {
        Finding finding = only(identity(RoleKind.WORKER, """
                {"Sid": "AllButOne", "Effect": "Allow", "Action": "s3:GetObject",
                 "NotResource": "arn:aws:s3:::secret-bucket/*"}"""));

        assertEquals(BuiltinPolicyValidator.ALLOW_WITH_NOT_RESOURCE, finding.rule());
        assertEquals("worker/AllButOne", finding.target());
    }

    @Test
    void denyWithNotActionIsAccepted() {
        assertEquals(List.of(), identity(RoleKind.WORKER, """
                {"Sid": "DenyOutsideS3", "Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}"""));
    }

    @Test
    void escalationInRuntimeRoleFlagged() {
        Finding finding = only(identity(RoleKind.WORKER, statement("WritePolicies", "\"iam:PutRolePolicy\"",
                "\"arn:aws:iam::123456789012:role/berth/berth-analytics-worker\"")));

        assertEquals(BuiltinPolicyValidator.PRIVILEGE_ESCALATION, finding.rule());
        assertEquals("worker/WritePolicies", finding.target());
        assertTrue(finding.message().contains("iam:PutRolePolicy"), finding.message());
    }

    @Test
    void allEscalationActionsFlagged() {
        for (String action : List.of("iam:AttachRolePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
                "iam:UpdateAssumeRolePolicy", "iam:CreateAccessKey", "iam:DeleteRolePermissionsBoundary")) {
            List<Finding> findings = identity(RoleKind.UNATTENDED,
                    statement("Escalate", "\"" + action + "\"", "\"arn:aws:iam::123456789012:role/x\""));

            assertEquals(List.of(BuiltinPolicyValidator.PRIVILEGE_ESCALATION), rules(findings), action);
        }
    }

    @Test
    void escalationInDeployerAccepted() {
        assertEquals(List.of(), identity(RoleKind.DEPLOYER, statement("WritePolicies", "\"iam:PutRolePolicy\"",
                "\"arn:aws:iam::123456789012:role/berth/berth-analytics-worker\"")));
    }

    @Test
    void escalationWildcardFlaggedTwice() {
        List<Finding> findings = identity(RoleKind.UNATTENDED,
                statement("PutAnything", "\"iam:Put*\"", "\"arn:aws:iam::123456789012:role/x\""));

        assertEquals(List.of(BuiltinPolicyValidator.WILDCARD_ACTION, BuiltinPolicyValidator.PRIVILEGE_ESCALATION),
                rules(findings));
    }

    @Test
    void passRoleWithoutResourceIsFlagged() {
        List<Finding> findings = identity(RoleKind.USER_INITIATED, statement("PassAny", "\"iam:PassRole\"", "\"*\""));

        assertEquals(List.of(BuiltinPolicyValidator.WILDCARD_RESOURCE, BuiltinPolicyValidator.PRIVILEGE_ESCALATION),
                rules(findings));
        assertEquals("user-initiated/PassAny", findings.get(1).target());
    }

    @Test
    void passRoleOnOneRoleIsAccepted() {
        assertEquals(List.of(), identity(RoleKind.USER_INITIATED, statement("PassWorker", "\"iam:PassRole\"",
                "\"arn:aws:iam::123456789012:role/berth/berth-analytics-worker\"")));
    }

    @Test
    void malformedArnsAreFlagged() {
        for (String arn : List.of("instance/*", "arn:aws:ec2:eu-west-1:12345:instance/*",
                "arn:aws:iam:eu-west-1:123456789012:role/x", "arn:amazon:s3:::bucket", "arn:aws:ec2::123456789012:vpc/*",
                "arn:aws:s3:::")) {
            Finding finding = only(identity(RoleKind.WORKER, statement("Read", "\"s3:GetObject\"", "\"" + arn + "\"")));

            assertEquals(BuiltinPolicyValidator.MALFORMED_ARN, finding.rule(), arn);
            assertEquals("worker/Read", finding.target());
            assertTrue(finding.message().contains(arn), finding.message());
        }
    }

    @Test
    void accountVariableArnAccepted() {
        assertEquals(List.of(), identity(RoleKind.USER_INITIATED, statement("Launch", "\"ec2:RunInstances\"",
                "[\"arn:aws:ec2:eu-west-1:${aws:PrincipalAccount}:instance/*\", \"arn:aws:ec2:eu-west-1::image/*\"]")));
    }

    @Test
    void malformedConditionArnFlagged() {
        Finding finding = only(identity(RoleKind.DEPLOYER, """
                {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole",
                 "Resource": "arn:aws:iam::123456789012:role/x",
                 "Condition": {"ArnEquals": {"iam:AssociatedResourceArn": "arn:aws:ec2"}}}"""));

        assertEquals(BuiltinPolicyValidator.MALFORMED_ARN, finding.rule());
    }

    @Test
    void malformedPrincipalArnIsFlagged() {
        Finding finding = only(validator.validateTrustPolicy(RoleKind.UNATTENDED, policy("""
                {"Sid": "TrustControlPlane", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1111:role/cp"},
                 "Action": "sts:AssumeRole"}""")));

        assertEquals(BuiltinPolicyValidator.MALFORMED_ARN, finding.rule());
        assertEquals("unattended/trust/TrustControlPlane", finding.target());
    }

    @Test
    void wildcardPrincipalIsFlagged() {
        Finding finding = only(validator.validateTrustPolicy(RoleKind.UNATTENDED, policy("""
                {"Sid": "TrustAnyone", "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}""")));

        assertEquals(BuiltinPolicyValidator.WILDCARD_PRINCIPAL, finding.rule());
    }

    @Test
    void variableInPrincipalIsWarned() {
        Finding finding = only(validator.validateTrustPolicy(RoleKind.DEPLOYER, policy("""
                {"Sid": "TrustOwnAccount", "Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::${aws:PrincipalAccount}:root"}, "Action": "sts:AssumeRole"}""")));

        assertEquals(BuiltinPolicyValidator.VARIABLE_IN_PRINCIPAL, finding.rule());
        assertEquals(Severity.WARNING, finding.severity());
    }

    @Test
    void invalidAndRepeatedSidsFlagged() {
        List<Finding> findings = identity(RoleKind.WORKER,
                statement("Read", "\"s3:GetObject\"", "\"arn:aws:s3:::a/*\""),
                statement("Read", "\"s3:PutObject\"", "\"arn:aws:s3:::a/*\""),
                statement("Read-Write", "\"s3:PutObject\"", "\"arn:aws:s3:::b/*\""));

        assertEquals(List.of(BuiltinPolicyValidator.INVALID_SID, BuiltinPolicyValidator.INVALID_SID), rules(findings));
        assertEquals("worker/Read", findings.get(0).target());
        assertEquals("worker/Read-Write", findings.get(1).target());
    }

    @Test
    void invalidJsonIsFlagged() {
        Finding finding = only(validator.validateIdentityPolicy(RoleKind.WORKER, "{\"Version\": "));

        assertEquals(BuiltinPolicyValidator.MALFORMED_POLICY, finding.rule());
        assertEquals("worker", finding.target());
    }

    @Test
    void workerWithoutBucketIsWarned() {
        List<GeneratedRole> roles = Examples.generate(Configs.withBuckets(Examples.load("quickstart"), List.of()));

        Finding finding = only(validator.validate(roles));

        assertEquals(BuiltinPolicyValidator.WORKER_WITHOUT_BUCKET, finding.rule());
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("worker", finding.target());
        assertTrue(finding.message().contains("workers cannot read data"), finding.message());
    }

    @Test
    void malformedBoundaryIsFlagged() {
        GeneratedRole role = new GeneratedRole(RoleKind.UNATTENDED, "berth-analytics-unattended", "/berth/", null,
                policy(statement("Describe", "\"ec2:DescribeInstances\"", "\"*\"")), "policy/berth-boundary", List.of());

        Finding finding = only(validator.validateRole(role));

        assertEquals(BuiltinPolicyValidator.MALFORMED_ARN, finding.rule());
        assertEquals("unattended", finding.target());
    }

    private List<Finding> identity(RoleKind kind, String... statements) {
        return validator.validateIdentityPolicy(kind, policy(statements));
    }

    private static String policy(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",", statements) + "]}";
    }

    private static String statement(String sid, String actionJson, String resourceJson) {
        return "{\"Sid\": \"" + sid + "\", \"Effect\": \"Allow\", \"Action\": " + actionJson + ", \"Resource\": "
                + resourceJson + "}";
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
