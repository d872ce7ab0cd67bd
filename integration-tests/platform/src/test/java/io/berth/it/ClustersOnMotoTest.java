package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * {@code berth clusters} against moto, each command a process of its own, so that every list
 * shows what a restarted process rebuilds from the tags.
 */
class ClustersOnMotoTest {

    @TempDir
    static Path workDir;

    private static ClusterDeployment deployment;

    @BeforeAll
    static void applyDeployment() throws Exception {
        deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-clusters"), "us-east-2", "");
        deployment.apply();
    }

    @Test
    void startListTouchStopRoundTrip() throws Exception {
        JsonNode started = deployment.start("--name", "round", "--instance-type", "m5.large", "--count", "2",
                "--idle-timeout", "30m", "--max-lifetime", "2h");

        assertEquals(2, started.get("instanceIds").size());
        assertEquals("m5.large", started.get("instanceType").asText());
        assertEquals("30m", started.get("idleTimeout").asText());
        assertEquals("2h", started.get("maxLifetime").asText());
        assertEquals("direct", started.get("mode").asText());
        assertEquals("on-demand", started.get("capacity").asText());
        assertTrue(started.get("fleetId").asText().startsWith("fleet-"), started.toString());
        assertTrue(started.get("launchTemplateId").asText().startsWith("lt-"), started.toString());

        JsonNode listed = cluster(deployment.list(), "round");
        assertEquals(started.get("instanceIds"), listed.get("instanceIds"));
        assertEquals(started.get("fleetId"), listed.get("fleetId"));
        assertEquals(started.get("launchTemplateId"), listed.get("launchTemplateId"));
        assertEquals(started.get("launchedAt"), listed.get("launchedAt"));
        assertEquals("30m", listed.get("idleTimeout").asText());

        // Activity is recorded in whole seconds, so wait for the next one.
        Thread.sleep(1100);
        BerthProcess.CommandResult touched = deployment.succeed("clusters", "touch", "--name", "round");
        assertTrue(touched.stdout().contains("Recorded activity on cluster round"), touched.stdout());
        JsonNode afterTouch = cluster(deployment.list(), "round");
        assertTrue(Instant.parse(afterTouch.get("lastActivity").asText()).isAfter(Instant.parse(listed.get("launchedAt").asText())),
                afterTouch.toString());

        BerthProcess.CommandResult stopped = deployment.succeed("clusters", "stop", "--name", "round");
        assertTrue(stopped.stdout().contains("Terminated the instances of cluster round"), stopped.stdout());
        assertEquals(List.of(), names(deployment.list()).stream().filter("round"::equals).toList());
        assertEquals(List.of(), deployment.liveInstances("round"));

        BerthProcess.CommandResult again = deployment.berth(deployment.admin(), workDir.resolve("stop-again.log"),
                "clusters", "stop", "--name", "round");
        assertEquals(2, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("error: --name: no cluster named round is running"), again.stderr());
    }

    @Test
    void launchTemplateHoldsWorkerSettings() throws Exception {
        JsonNode started = deployment.start("--name", "settings", "--instance-type", "m5.large", "--count", "1",
                "--mode", "proxy");
        String templateId = started.get("launchTemplateId").asText();
        String fleetId = started.get("fleetId").asText();

        try (Ec2Client ec2 = Moto.ec2(deployment.region())) {
            assertWorkerSettings(ec2, started, templateId, fleetId);
        } finally {
            deployment.succeed("clusters", "stop", "--name", "settings");
        }
    }

    private static void assertWorkerSettings(Ec2Client ec2, JsonNode started, String templateId, String fleetId) {
        ResponseLaunchTemplateData data = ec2.describeLaunchTemplateVersions(request -> request.launchTemplateId(templateId))
                .launchTemplateVersions().get(0).launchTemplateData();
        String proxyGroup = ec2.describeSecurityGroups(request -> request.filters(
                        Filter.builder().name("tag:berth:deployment").values(deployment.deployment()).build(),
                        Filter.builder().name("tag:berth:resource").values("security-group-proxy").build()))
                .securityGroups().get(0).groupId();

        assertEquals("berth-" + deployment.deployment() + "-worker", data.iamInstanceProfile().name());
        assertEquals(List.of(proxyGroup), data.securityGroupIds());
        assertEquals(LaunchTemplateHttpTokensState.REQUIRED, data.metadataOptions().httpTokens());
        assertEquals(1, data.blockDeviceMappings().size());
        assertTrue(data.blockDeviceMappings().get(0).ebs().encrypted());
        Set<String> taggedTypes = data.tagSpecifications().stream()
                .map(LaunchTemplateTagSpecification::resourceTypeAsString).collect(Collectors.toCollection(TreeSet::new));
        // moto 5.2.5 also lists the template's own launch-template tags among its data.
        assertTrue(taggedTypes.containsAll(Set.of("instance", "network-interface", "volume")), taggedTypes.toString());
        for (LaunchTemplateTagSpecification specification : data.tagSpecifications()) {
            assertEquals(deployment.deployment(), tags(specification.tags()).get("berth:deployment"), specification.toString());
        }

        Instance instance = ec2.describeInstances(request -> request.instanceIds(started.get("instanceIds").get(0).asText()))
                .reservations().get(0).instances().get(0);
        Map<String, String> instanceTags = tags(instance.tags());
        assertEquals(deployment.deployment(), instanceTags.get("berth:deployment"));
        assertEquals("true", instanceTags.get("berth:managed"));
        assertEquals("settings", instanceTags.get("berth:cluster"));
        assertEquals("PT1H", instanceTags.get("berth:idle-timeout"));
        assertEquals("PT24H", instanceTags.get("berth:max-lifetime"));
        assertEquals("proxy", instanceTags.get("berth:mode"));
        assertEquals(fleetId, instanceTags.get("berth:fleet"));
        assertNotNull(instanceTags.get("berth:launch"));

        Map<String, String> fleetTags = tags(ec2.describeFleets(request -> request.fleetIds(fleetId)).fleets().get(0).tags());
        assertEquals("settings", fleetTags.get("berth:cluster"));
        assertEquals(instanceTags.get("berth:launch"), fleetTags.get("berth:launch"));
    }

    @Test
    void placementFallsBackToOfferedType() throws Exception {
        String unoffered = typeOfferedOnlyOutsideDeploymentZones();

        JsonNode started = deployment.start("--name", "fallback", "--instance-type", unoffered + ",m5.large", "--count", "1");

        try {
            assertEquals("m5.large", started.get("instanceType").asText());
            assertEquals(List.of(unoffered, "m5.large"), ClusterDeployment.texts(started.get("instanceTypes")));
            assertEquals("m5.large", cluster(deployment.list(), "fallback").get("instanceType").asText());
        } finally {
            deployment.succeed("clusters", "stop", "--name", "fallback");
        }
    }

    /** Returns an instance type that the region offers, but in none of the zones of the deployment's subnets. */
    static String typeOfferedOnlyOutsideDeploymentZones() {
        return typeOfferedOnlyOutside(deployment);
    }

    static String typeOfferedOnlyOutside(ClusterDeployment target) {
        try (Ec2Client ec2 = Moto.ec2(target.region())) {
            Set<String> zones = ec2.describeSubnets(request -> request.filters(
                            Filter.builder().name("tag:berth:deployment").values(target.deployment()).build()))
                    .subnets().stream().map(Subnet::availabilityZone).collect(Collectors.toSet());
            Map<String, Set<String>> zonesByType = new TreeMap<>();
            ec2.describeInstanceTypeOfferingsPaginator(request -> request.locationType(LocationType.AVAILABILITY_ZONE))
                    .instanceTypeOfferings()
                    .forEach(offering -> zonesByType.computeIfAbsent(offering.instanceTypeAsString(), type -> new TreeSet<>())
                            .add(offering.location()));
            return zonesByType.entrySet().stream()
                    .filter(entry -> entry.getValue().stream().noneMatch(zones::contains))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("moto offers every instance type in " + zones));
        }
    }

    private static JsonNode cluster(JsonNode clusters, String name) {
        for (JsonNode cluster : clusters) {
            if (name.equals(cluster.get("name").asText())) {
                return cluster;
            }
        }
        throw new AssertionError("no cluster " + name + " in " + clusters);
    }

    private static List<String> names(JsonNode clusters) {
        List<String> names = new java.util.ArrayList<>();
        clusters.forEach(cluster -> names.add(cluster.get("name").asText()));
        return names;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new HashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }
}
