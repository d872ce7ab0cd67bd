package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FleetData;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code berth reap} against moto: an idle cluster, an expired one, a running one, the leftovers
 * of a stopped one, and decoys that lack the deployment's tags or carry another deployment's.
 * The dry run comes first and must change nothing; the real pass removes exactly the forgotten.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaperOnMotoTest {

    @TempDir
    static Path workDir;

    private static ClusterDeployment deployment;
    private static JsonNode idle;
    private static JsonNode expired;
    private static JsonNode live;
    private static JsonNode stopped;
    private static String untaggedDecoy;
    private static String otherDeploymentDecoy;
    private static String otherDeploymentTemplate;

    @BeforeAll
    static void startClustersAndDecoys() throws Exception {
        deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-reaper"), "ap-northeast-1", "");
        deployment.apply();
        idle = deployment.start("--name", "idle", "--instance-type", "m5.large", "--count", "2", "--idle-timeout", "1s");
        expired = deployment.start("--name", "expired", "--instance-type", "m5.large", "--count", "1", "--max-lifetime", "2s");
        live = deployment.start("--name", "live", "--instance-type", "m5.large", "--count", "1");
        stopped = deployment.start("--name", "stopped", "--instance-type", "m5.large", "--count", "1");
        deployment.succeed("clusters", "stop", "--name", "stopped");

        String longAgo = Instant.now().minusSeconds(3 * 86400).toString();
        try (Ec2Client ec2 = Moto.ec2(deployment.region())) {
            // Looks like an expired cluster of this deployment, but lacks berth:deployment and berth:managed.
            untaggedDecoy = runInstance(ec2, Map.of("berth:cluster", "idle", "berth:launch", "decoy-1",
                    "berth:started-at", longAgo, "berth:max-lifetime", "PT1S", "berth:idle-timeout", "PT1S"));
            Map<String, String> other = Map.of("berth:deployment", "someone-else", "berth:managed", "true",
                    "berth:cluster", "idle", "berth:launch", "decoy-2", "berth:started-at", longAgo,
                    "berth:max-lifetime", "PT1S", "berth:idle-timeout", "PT1S");
            otherDeploymentDecoy = runInstance(ec2, other);
            otherDeploymentTemplate = ec2.createLaunchTemplate(request -> request
                    .launchTemplateName(ClusterDeployment.uniqueName("someone-else-idle"))
                    .launchTemplateData(data -> data.imageId("ami-760aaa0f"))
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.LAUNCH_TEMPLATE)
                            .tags(tags(Map.of("berth:deployment", "someone-else", "berth:managed", "true",
                                    "berth:cluster", "idle", "berth:launch", "decoy-3", "berth:fleet", "fleet-none")))
                            .build()))
                    .launchTemplate().launchTemplateId();
        }
        // The idle timeout and the max lifetime above are one and two seconds.
        Thread.sleep(3000);
    }

    @Test
    @Order(1)
    void dryRunDecidesAndRemovesNothing() throws Exception {
        BerthProcess.CommandResult result = deployment.berth(deployment.admin(), workDir.resolve("dry-run.log"),
                "reap", "--dry-run", "--format", "json");

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        JsonNode report = BerthProcess.JSON.readTree(result.stdout());
        assertTrue(report.get("dryRun").asBoolean());
        Map<String, JsonNode> decisions = byResource(report.get("decisions"));
        assertEquals(expectedRemovals(), decisions.keySet());
        for (JsonNode decision : decisions.values()) {
            assertFalse(decision.get("removed").asBoolean(), decision.toString());
        }
        for (String instanceId : ClusterDeployment.texts(idle.get("instanceIds"))) {
            assertTrue(decisions.get(instanceId).get("reason").asText().matches("idle for \\d+s, idle timeout 1s"),
                    decisions.get(instanceId).toString());
        }
        String expiredReason = decisions.get(expired.get("instanceIds").get(0).asText()).get("reason").asText();
        assertTrue(expiredReason.matches("running \\d+s, max lifetime 2s"), expiredReason);
        String templateId = stopped.get("launchTemplateId").asText();
        assertEquals("launch template " + templateId + " has no running instance", decisions.get(templateId).get("reason").asText());
        String fleetId = stopped.get("fleetId").asText();
        assertEquals("fleet " + fleetId + " has no running instance", decisions.get(fleetId).get("reason").asText());

        assertEquals(2, deployment.liveInstances("idle").size());
        assertEquals(1, deployment.liveInstances("expired").size());
        assertTrue(CallLog.read(workDir.resolve("dry-run.log")).createCalls().isEmpty());
        assertEquals(List.of(), deletions(workDir.resolve("dry-run.log")));
    }

    @Test
    @Order(2)
    void reapRemovesOnlyForgottenClusters() throws Exception {
        BerthProcess.CommandResult result = deployment.berth(deployment.admin(), workDir.resolve("reap.log"),
                "reap", "--format", "json");

        JsonNode report = BerthProcess.JSON.readTree(result.stdout());
        Map<String, JsonNode> decisions = byResource(report.get("decisions"));
        assertEquals(expectedRemovals(), decisions.keySet());
        String stoppedFleet = stopped.get("fleetId").asText();
        for (JsonNode decision : decisions.values()) {
            if (!decision.get("resourceId").asText().equals(stoppedFleet)) {
                assertTrue(decision.get("removed").asBoolean(), decision.toString());
            }
        }
        // moto 5.2.5 rejects DeleteFleets with TerminateInstances for a fleet that has no instance
        // left, which AWS accepts. So the stopped cluster's fleet stays on moto, and the pass exits 3.
        assertFalse(decisions.get(stoppedFleet).get("removed").asBoolean());
        assertTrue(decisions.get(stoppedFleet).get("reason").asText().contains("InvalidParameterCombination"),
                decisions.get(stoppedFleet).toString());
        assertEquals(3, result.exitCode(), result.stderr());

        assertEquals(List.of(), deployment.liveInstances("idle"));
        assertEquals(List.of(), deployment.liveInstances("expired"));
        assertEquals(ClusterDeployment.texts(live.get("instanceIds")),
                deployment.liveInstances("live").stream().map(Instance::instanceId).toList());
        try (Ec2Client ec2 = Moto.ec2(deployment.region())) {
            assertEquals("running", state(ec2, untaggedDecoy));
            assertEquals("running", state(ec2, otherDeploymentDecoy));
            assertEquals(1, ec2.describeLaunchTemplates(request -> request.launchTemplateIds(otherDeploymentTemplate))
                    .launchTemplates().size());
            assertEquals(Set.of(live.get("launchTemplateId").asText()), templatesOf(ec2, deployment.deployment()));
            assertTrue(fleetState(ec2, idle.get("fleetId").asText()).startsWith("deleted"));
            assertTrue(fleetState(ec2, expired.get("fleetId").asText()).startsWith("deleted"));
            assertEquals("active", fleetState(ec2, live.get("fleetId").asText()));
        }
    }

    /** The resources the pass must remove: the idle and expired clusters whole, and the stopped one's leftovers. */
    private static Set<String> expectedRemovals() {
        Set<String> expected = new TreeSet<>();
        for (JsonNode cluster : List.of(idle, expired)) {
            expected.addAll(ClusterDeployment.texts(cluster.get("instanceIds")));
            expected.add(cluster.get("fleetId").asText());
            expected.add(cluster.get("launchTemplateId").asText());
        }
        expected.add(stopped.get("fleetId").asText());
        expected.add(stopped.get("launchTemplateId").asText());
        return expected;
    }

    private static Map<String, JsonNode> byResource(JsonNode decisions) {
        Map<String, JsonNode> byResource = new HashMap<>();
        decisions.forEach(decision -> byResource.put(decision.get("resourceId").asText(), decision));
        return byResource;
    }

    private static List<String> deletions(Path callLog) throws Exception {
        return CallLog.read(callLog).calls().stream().map(call -> call.get("action").asText())
                .filter(action -> action.matches("ec2:(Delete|Terminate).*"))
                .toList();
    }

    private static String runInstance(Ec2Client ec2, Map<String, String> tags) {
        return ec2.runInstances(request -> request.imageId("ami-760aaa0f").instanceType("m5.large").minCount(1).maxCount(1)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags(tags)).build()))
                .instances().get(0).instanceId();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }

    private static String state(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(request -> request.instanceIds(instanceId))
                .reservations().get(0).instances().get(0).state().nameAsString();
    }

    private static String fleetState(Ec2Client ec2, String fleetId) {
        List<FleetData> fleets = ec2.describeFleets(request -> request.fleetIds(fleetId)).fleets();
        return fleets.get(0).fleetStateAsString();
    }

    private static Set<String> templatesOf(Ec2Client ec2, String deploymentName) {
        Set<String> ids = new TreeSet<>();
        ec2.describeLaunchTemplatesPaginator(request -> request.maxResults(200).filters(
                        software.amazon.awssdk.services.ec2.model.Filter.builder().name("tag:berth:deployment")
                                .values(deploymentName).build()))
                .launchTemplates().forEach(template -> ids.add(template.launchTemplateId()));
        return ids;
    }
}
