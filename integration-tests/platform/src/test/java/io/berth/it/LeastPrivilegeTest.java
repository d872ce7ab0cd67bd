package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Apply and destroy under a principal that holds only the generated deployer policy, with
 * moto's IAM enforcement on. Both must succeed, and the actions called must equal the actions
 * granted: nothing called that is not granted, nothing granted that is never called.
 */
class LeastPrivilegeTest {

    /**
     * Granted but never seen as a call of their own, because AWS authorizes them inside another
     * call: the tags of a create request (ec2:CreateTags, iam:TagRole, iam:TagInstanceProfile),
     * and iam:PassRole for the role that AddRoleToInstanceProfile puts into the profile.
     */
    static final Set<String> AUTHORIZED_WITHIN_OTHER_CALLS =
            Set.of("ec2:CreateTags", "iam:PassRole", "iam:TagInstanceProfile", "iam:TagRole");

    @TempDir
    Path workDir;

    @Test
    void deployerPolicyGrantsExactlyWhatApplyDriftAndDestroyCall() throws Exception {
        String region = "eu-west-3";
        Path config = Configs.managed(workDir, "it-least", region, "10.63.0.0/16", "203.0.113.0/24");
        Set<String> granted = LeastPrivilege.grantedActions(LeastPrivilege.generatedPolicy(workDir, config, "deployer"));
        AccessKey key = Moto.userWithPolicy("it-least-deployer",
                LeastPrivilege.actionOnlyDeployerPolicy(workDir, config, List.of()));
        var deployer = Moto.environment(region, key.accessKeyId(), key.secretAccessKey());

        Path applyLog = workDir.resolve("apply.log");
        Path driftLog = workDir.resolve("drift.log");
        Path destroyLog = workDir.resolve("destroy.log");
        Moto.enforceIam(true);
        try {
            BerthProcess.CommandResult applied = SetupOnMotoTest.apply(config, deployer, applyLog);
            assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());

            drift(region, "it-least", "berth-it-least-user-initiated");
            BerthProcess.CommandResult converged = SetupOnMotoTest.apply(config, deployer, driftLog);
            assertEquals(0, converged.exitCode(), converged.stdout() + converged.stderr());

            java.util.Map<String, String> withLog = new java.util.HashMap<>(deployer);
            withLog.put(CallLog.VARIABLE, destroyLog.toString());
            BerthProcess.CommandResult destroyed = BerthProcess.run(workDir, withLog, "destroy", "--config", config.toString(), "--yes");
            assertEquals(0, destroyed.exitCode(), destroyed.stdout() + destroyed.stderr());
        } finally {
            Moto.enforceIam(false);
        }

        Set<String> called = new TreeSet<>();
        for (Path log : List.of(applyLog, driftLog, destroyLog)) {
            CallLog calls = CallLog.read(log);
            assertEquals(List.of(), calls.deniedCalls(), "calls denied in " + log.getFileName());
            called.addAll(calls.authorizedActions());
        }
        // moto allows sts:GetCallerIdentity to everyone, so it is compared like any other call.
        Set<String> expected = new TreeSet<>(granted);
        expected.removeAll(AUTHORIZED_WITHIN_OTHER_CALLS);

        Set<String> calledNotGranted = new TreeSet<>(called);
        calledNotGranted.removeAll(granted);
        Set<String> grantedNotCalled = new TreeSet<>(expected);
        grantedNotCalled.removeAll(called);
        assertEquals(Set.of(), calledNotGranted, "called but not granted");
        assertEquals(Set.of(), grantedNotCalled, "granted but never called");
    }

    /**
     * Changes the deployment behind Berth's back, with enforcement briefly off: a role's trust
     * policy, an inbound rule the config does not name, and the groups' outbound rules.
     */
    private static void drift(String region, String deployment, String roleName) throws Exception {
        Moto.enforceIam(false);
        try (IamClient iam = Moto.iam(); Ec2Client ec2 = Moto.ec2(region)) {
            iam.updateAssumeRolePolicy(request -> request.roleName(roleName).policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                    "Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}"""));
            List<SecurityGroup> groups = ec2.describeSecurityGroups(request -> request.filters(
                    SetupOnMotoTest.deploymentTag(deployment))).securityGroups();
            SecurityGroup first = groups.get(0);
            SecurityGroup second = groups.get(1);
            IpPermission sshFromAnywhere = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                    .ipRanges(IpRange.builder().cidrIp("198.51.100.0/24").build()).build();
            ec2.authorizeSecurityGroupIngress(request -> request.groupId(first.groupId()).ipPermissions(sshFromAnywhere));
            ec2.authorizeSecurityGroupEgress(request -> request.groupId(first.groupId()).ipPermissions(sshFromAnywhere));
            ec2.revokeSecurityGroupEgress(request -> request.groupId(second.groupId()).ipPermissions(IpPermission.builder()
                    .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        } finally {
            Moto.enforceIam(true);
        }
    }
}
