package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * {@code berth clusters} as the assumed UserInitiated role and {@code berth reap} as the assumed
 * Unattended role, with moto's IAM enforcement on. The CLI runs as the control-plane user, which
 * may only assume the two roles, and each role holds only its generated policy. What each role
 * called must equal what it is granted, apart from the actions named below.
 */
class ClustersLeastPrivilegeTest {

    /**
     * Granted but never seen as a call of their own: AWS authorizes a CreateFleet also as
     * RunInstances, and as iam:PassRole for the worker role in the instance profile.
     */
    static final Set<String> AUTHORIZED_WITHIN_CREATE_FLEET = Set.of("ec2:RunInstances", "iam:PassRole");

    /**
     * Granted because the baseline list of the role names them, but called by no operation. Each
     * start creates a launch template of its own, so none gets a new version. DeleteLaunchTemplate
     * removes every version. And sts:TagSession only matters for a session that assumes a role.
     */
    static final Set<String> BASELINE_ONLY =
            Set.of("ec2:CreateLaunchTemplateVersion", "ec2:DeleteLaunchTemplateVersions", "sts:TagSession");

    /** The control plane's own call, made before any call as a role. */
    static final String ASSUME_ROLE = "sts:AssumeRole";

    @TempDir
    Path workDir;

    @Test
    void runtimeRolesCallExactlyWhatIsGranted() throws Exception {
        ClusterDeployment deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-lp-clusters"),
                "sa-east-1", "");
        deployment.apply();
        Map<String, String> controlPlane = enforceableRoles(deployment);
        Path userLog = workDir.resolve("user-initiated.log");
        Path reaperLog = workDir.resolve("unattended.log");

        BerthProcess.CommandResult reap;
        Moto.enforceIam(true);
        try {
            succeed(deployment, controlPlane, userLog, "clusters", "start", "--name", "lp-a", "--instance-type", "m5.large",
                    "--count", "1");
            succeed(deployment, controlPlane, userLog, "clusters", "list");
            succeed(deployment, controlPlane, userLog, "clusters", "touch", "--name", "lp-a");
            succeed(deployment, controlPlane, userLog, "clusters", "stop", "--name", "lp-a");
            succeed(deployment, controlPlane, userLog, "clusters", "start", "--name", "lp-b", "--instance-type", "m5.large",
                    "--count", "1", "--idle-timeout", "1s");
            Thread.sleep(2000);
            reap = deployment.berth(controlPlane, reaperLog, "reap", "--format", "json");
        } finally {
            Moto.enforceIam(false);
        }

        // lp-b is idle and goes whole. lp-a's fleet has no instance left, and moto 5.2.5 rejects
        // deleting such a fleet with InvalidParameterCombination, which makes the pass exit 3.
        for (JsonNode decision : BerthProcess.JSON.readTree(reap.stdout()).get("decisions")) {
            boolean emptyFleet = decision.get("reason").asText().contains("has no running instance")
                    && decision.get("resourceId").asText().startsWith("fleet-");
            assertTrue(decision.get("removed").asBoolean() || emptyFleet
                    && decision.get("reason").asText().contains("InvalidParameterCombination"), decision.toString());
        }
        assertEquals(3, reap.exitCode(), reap.stdout() + reap.stderr());

        assertCallsEqualGrants(deployment, "user-initiated", userLog);
        assertCallsEqualGrants(deployment, "unattended", reaperLog);
    }

    private void assertCallsEqualGrants(ClusterDeployment deployment, String roleKind, Path callLog) throws Exception {
        CallLog calls = CallLog.read(callLog);
        assertEquals(List.of(), calls.deniedCalls(), "calls denied to " + roleKind);
        Set<String> called = new TreeSet<>(calls.authorizedActions());
        assertTrue(called.remove(ASSUME_ROLE), "the control plane did not assume the " + roleKind + " role");

        Set<String> granted = LeastPrivilege.grantedActions(LeastPrivilege.generatedPolicy(workDir, deployment.config(), roleKind));
        Set<String> expected = new TreeSet<>(granted);
        expected.removeAll(AUTHORIZED_WITHIN_CREATE_FLEET);
        expected.removeAll(BASELINE_ONLY);

        Set<String> calledNotGranted = new TreeSet<>(called);
        calledNotGranted.removeAll(granted);
        Set<String> grantedNotCalled = new TreeSet<>(expected);
        grantedNotCalled.removeAll(called);
        assertEquals(Set.of(), calledNotGranted, roleKind + " called but not granted");
        assertEquals(Set.of(), grantedNotCalled, roleKind + " granted but never called");
    }

    /**
     * Gives the runtime roles their policies in the form moto enforces, creates the control-plane
     * user that may only assume them, and returns the environment of a process running as it.
     */
    private Map<String, String> enforceableRoles(ClusterDeployment deployment) throws Exception {
        String prefix = "arn:aws:iam::" + ClusterDeployment.ACCOUNT + ":role/berth/berth-" + deployment.deployment() + "-";
        try (IamClient iam = Moto.iam()) {
            for (String kind : List.of("user-initiated", "unattended")) {
                String policy = LeastPrivilege.actionOnlyPolicy(workDir, deployment.config(), kind, List.of());
                iam.putRolePolicy(request -> request.roleName("berth-" + deployment.deployment() + "-" + kind)
                        .policyName("berth").policyDocument(policy));
            }
        }
        AccessKey key = Moto.userWithPolicy(ClusterDeployment.controlPlaneUser(deployment.deployment()), """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": ["sts:AssumeRole", "sts:TagSession"],
                  "Resource": ["%suser-initiated", "%sunattended"]}]}
                """.formatted(prefix, prefix));
        return Moto.environment(deployment.region(), key.accessKeyId(), key.secretAccessKey());
    }

    private static void succeed(ClusterDeployment deployment, Map<String, String> environment, Path callLog, String... args)
            throws Exception {
        BerthProcess.CommandResult result = deployment.berth(environment, callLog, args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ":\n" + result.stdout() + result.stderr());
    }
}
