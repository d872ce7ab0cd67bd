package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Apply and destroy under a principal that holds only the generated deployer policy, with
 * moto's IAM enforcement on. Both must succeed, and the actions called must equal the actions
 * granted: nothing called that is not granted, nothing granted that is never called.
 */
class LeastPrivilegeTest {

    /**
     * Granted but never seen as a call of its own: EC2 authorizes the tags of a create request
     * as ec2:CreateTags, limited by ec2:CreateAction to the create calls that carry them.
     */
    static final Set<String> AUTHORIZED_WITHIN_OTHER_CALLS = Set.of("ec2:CreateTags");

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

            driftTrustPolicy("berth-it-least-user-initiated");
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
            assertEquals(List.of(), calls.failures(), "calls failed in " + log.getFileName());
            called.addAll(calls.succeededActions());
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

    /** Changes a role's trust policy behind Berth's back, with enforcement briefly off. */
    private static void driftTrustPolicy(String roleName) throws Exception {
        Moto.enforceIam(false);
        try (IamClient iam = Moto.iam()) {
            iam.updateAssumeRolePolicy(request -> request.roleName(roleName).policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                    "Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}"""));
        } finally {
            Moto.enforceIam(true);
        }
    }
}
