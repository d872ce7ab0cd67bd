package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad {@code berth clusters start} exits 2 with an error naming the option, and makes no
 * call that launches or creates anything.
 */
class ClustersBadInputTest {

    @TempDir
    static Path workDir;

    private static ClusterDeployment deployment;

    @BeforeAll
    static void applyDeployment() throws Exception {
        deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-clusters-bad"), "eu-central-1", "");
        deployment.apply();
        deployment.start("--name", "taken", "--instance-type", "m5.large", "--count", "1");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        deployment.succeed("clusters", "stop", "--name", "taken");
    }

    @Test
    void badStartsExitTwoAndLaunchNothing() throws Exception {
        String unoffered = ClustersOnMotoTest.typeOfferedOnlyOutside(deployment);
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("error: --instance-type: m5.nonesuch is not an instance type in eu-central-1",
                List.of("--name", "a", "--instance-type", "m5.nonesuch", "--count", "1"));
        cases.put("error: --instance-type: not every one of m5.large, m5.nonesuch is an instance type in eu-central-1",
                List.of("--name", "a", "--instance-type", "m5.large,m5.nonesuch", "--count", "1"));
        cases.put("error: --instance-type: none of " + unoffered + " is offered in the availability zones",
                List.of("--name", "b", "--instance-type", unoffered, "--count", "1"));
        cases.put("error: --count: 0 is outside 1 to 4", List.of("--name", "c", "--instance-type", "m5.large", "--count", "0"));
        cases.put("error: --count: 5 is outside 1 to 4", List.of("--name", "d", "--instance-type", "m5.large", "--count", "5"));
        cases.put("error: --name: a cluster named taken is already running",
                List.of("--name", "taken", "--instance-type", "m5.large", "--count", "1"));
        cases.put("error: --idle-timeout: 'soon' is not a duration",
                List.of("--name", "e", "--instance-type", "m5.large", "--count", "1", "--idle-timeout", "soon"));
        cases.put("error: --mode: 'sideways' is not a mode",
                List.of("--name", "f", "--instance-type", "m5.large", "--count", "1", "--mode", "sideways"));
        int before = deployment.liveInstances("taken").size();

        int index = 0;
        for (Map.Entry<String, List<String>> badInput : cases.entrySet()) {
            Path callLog = workDir.resolve("bad-" + index++ + ".log");
            List<String> args = new ArrayList<>(List.of("clusters", "start"));
            args.addAll(badInput.getValue());

            BerthProcess.CommandResult result = deployment.berth(deployment.admin(), callLog, args.toArray(String[]::new));

            assertEquals(2, result.exitCode(), badInput.getKey() + "\n" + result.stdout() + result.stderr());
            assertTrue(result.stderr().contains(badInput.getKey()), result.stderr());
            assertEquals(List.of(), CallLog.read(callLog).createCalls(), badInput.getKey());
        }
        assertEquals(before, deployment.liveInstances("taken").size());
    }

    @Test
    void destroyWithLiveClusterDeletesNothing() throws Exception {
        Path callLog = workDir.resolve("destroy.log");

        BerthProcess.CommandResult result = deployment.berth(deployment.admin(), callLog, "destroy", "--yes");

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("error: deployment: '" + deployment.deployment() + "' still runs clusters taken (1 instance)"),
                result.stderr());
        assertTrue(result.stderr().contains("berth clusters stop --name NAME"), result.stderr());
        List<String> removals = CallLog.read(callLog).calls().stream()
                .map(call -> call.get("action").asText())
                .filter(action -> action.matches("[a-z0-9]+:(Delete|Revoke|Remove|Detach|Disassociate|Terminate).*"))
                .toList();
        assertEquals(List.of(), removals);
        assertEquals(1, deployment.liveInstances("taken").size());
    }

    @Test
    void notAppliedDeploymentLaunchesNothing() throws Exception {
        ClusterDeployment unapplied = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-clusters-none"),
                "eu-central-1", "");
        Path callLog = workDir.resolve("not-applied.log");

        BerthProcess.CommandResult result = unapplied.berth(unapplied.admin(), callLog,
                "clusters", "start", "--name", "early", "--instance-type", "m5.large", "--count", "1");

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("deployment " + unapplied.deployment() + " is not applied in eu-central-1"),
                result.stderr());
        assertTrue(result.stderr().contains("run `berth apply`"), result.stderr());
        assertEquals(List.of(), CallLog.read(callLog).createCalls());
        assertEquals(List.of(), unapplied.liveInstances("early"));
    }
}
