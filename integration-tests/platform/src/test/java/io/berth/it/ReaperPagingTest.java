package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * A reaper pass reads every page of DescribeInstances. With {@code reaper.pageSize: 5} and 60
 * expired instances, launched one per RunInstances call, the pass needs 12 pages, and decides
 * about all 60. moto 5.2.5 pages DescribeInstances by reservation, AWS by instance; with one
 * instance per reservation both count the same.
 */
class ReaperPagingTest {

    private static final int INSTANCES = 60;
    private static final int PAGE_SIZE = 5;

    @TempDir
    Path workDir;

    @Test
    void passReadsEveryPage() throws Exception {
        ClusterDeployment deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-paging"),
                "ap-northeast-2", "reaper: { pageSize: " + PAGE_SIZE + " }");
        Set<String> launched = launchExpiredInstances(deployment);
        Path dryRunLog = workDir.resolve("dry-run.log");
        Path reapLog = workDir.resolve("reap.log");

        BerthProcess.CommandResult dryRun = deployment.berth(deployment.admin(), dryRunLog, "reap", "--dry-run", "--format", "json");
        BerthProcess.CommandResult reap = deployment.berth(deployment.admin(), reapLog, "reap", "--format", "json");

        assertEquals(0, dryRun.exitCode(), dryRun.stderr());
        assertEquals(launched, resourceIds(BerthProcess.JSON.readTree(dryRun.stdout()).get("decisions")));
        assertEquals(INSTANCES / PAGE_SIZE, count(dryRunLog, "ec2:DescribeInstances"));
        assertEquals(0, reap.exitCode(), reap.stderr());
        JsonNode decisions = BerthProcess.JSON.readTree(reap.stdout()).get("decisions");
        assertEquals(launched, resourceIds(decisions));
        decisions.forEach(decision -> assertTrue(decision.get("removed").asBoolean(), decision.toString()));
        assertEquals(1, count(reapLog, "ec2:TerminateInstances"));
        assertEquals(List.of(), deployment.liveInstances("paged"));
    }

    private static Set<String> launchExpiredInstances(ClusterDeployment deployment) {
        String longAgo = Instant.now().minusSeconds(2 * 86400).toString();
        List<Tag> tags = List.of(
                tag("berth:deployment", deployment.deployment()), tag("berth:managed", "true"),
                tag("berth:cluster", "paged"), tag("berth:launch", "paged-1"), tag("berth:started-at", longAgo),
                tag("berth:last-activity", longAgo), tag("berth:idle-timeout", "PT1H"), tag("berth:max-lifetime", "PT24H"));
        Set<String> ids = new TreeSet<>();
        try (Ec2Client ec2 = Moto.ec2(deployment.region())) {
            for (int i = 0; i < INSTANCES; i++) {
                ids.add(ec2.runInstances(request -> request.imageId("ami-760aaa0f").instanceType("m5.large").minCount(1)
                                .maxCount(1).tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                        .tags(tags).build()))
                        .instances().get(0).instanceId());
            }
        }
        return ids;
    }

    private static Set<String> resourceIds(JsonNode decisions) {
        Set<String> ids = new TreeSet<>();
        decisions.forEach(decision -> ids.add(decision.get("resourceId").asText()));
        return ids;
    }

    private static long count(Path callLog, String action) throws Exception {
        List<String> actions = new ArrayList<>();
        CallLog.read(callLog).calls().forEach(call -> actions.add(call.get("action").asText()));
        return actions.stream().filter(action::equals).count();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
