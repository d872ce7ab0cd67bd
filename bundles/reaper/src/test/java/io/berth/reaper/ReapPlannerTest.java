package io.berth.reaper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.api.ClusterTags;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReapPlannerTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String DEPLOYMENT = "analytics";

    @Test
    void idleClusterRemovedWithFleetAndTemplate() {
        Map<String, String> tags = cluster("etl", "launch-1", NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofMinutes(130)),
                "PT1H", "PT24H");
        tags.put(ClusterTags.FLEET, "fleet-1");
        Inventory inventory = new Inventory(
                List.of(instance("i-1", "running", tags), instance("i-2", "running", tags)),
                List.of(template("lt-1", launchTags("etl", "launch-1"))),
                List.of(fleet("fleet-1", launchTags("etl", "launch-1"), "active")));

        List<Removal> removals = ReapPlanner.plan(DEPLOYMENT, inventory, NOW);

        assertEquals(List.of(
                new Removal(Removal.Kind.FLEET, "fleet-1", "etl", "idle for 2h10m, idle timeout 1h"),
                new Removal(Removal.Kind.INSTANCE, "i-1", "etl", "idle for 2h10m, idle timeout 1h"),
                new Removal(Removal.Kind.INSTANCE, "i-2", "etl", "idle for 2h10m, idle timeout 1h"),
                new Removal(Removal.Kind.LAUNCH_TEMPLATE, "lt-1", "etl", "idle for 2h10m, idle timeout 1h")), removals);
    }

    @Test
    void expiredClusterRemovedDespiteActivity() {
        Map<String, String> tags = cluster("etl", "launch-1", NOW.minus(Duration.ofHours(26)), NOW.minus(Duration.ofMinutes(1)),
                "PT1H", "PT24H");

        List<Removal> removals = ReapPlanner.plan(DEPLOYMENT, new Inventory(List.of(instance("i-1", "running", tags)),
                List.of(), List.of()), NOW);

        assertEquals(List.of(new Removal(Removal.Kind.INSTANCE, "i-1", "etl", "running 26h, max lifetime 24h")), removals);
    }

    @Test
    void activeClusterKept() {
        Map<String, String> tags = cluster("etl", "launch-1", NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofMinutes(20)),
                "PT1H", "PT24H");
        Inventory inventory = new Inventory(List.of(instance("i-1", "running", tags)),
                List.of(template("lt-1", launchTags("etl", "launch-1"))),
                List.of(fleet("fleet-1", launchTags("etl", "launch-1"), "active")));

        assertEquals(List.of(), ReapPlanner.plan(DEPLOYMENT, inventory, NOW));
    }

    @Test
    void activityOnFleetCounts() {
        Map<String, String> instanceTags = cluster("etl", "launch-1", NOW.minus(Duration.ofHours(3)),
                NOW.minus(Duration.ofHours(2)), "PT1H", "PT24H");
        Map<String, String> fleetTags = launchTags("etl", "launch-1");
        fleetTags.put(ClusterTags.LAST_ACTIVITY, NOW.minus(Duration.ofMinutes(5)).toString());
        Inventory inventory = new Inventory(List.of(instance("i-1", "running", instanceTags)), List.of(),
                List.of(fleet("fleet-1", fleetTags, "active")));

        assertEquals(List.of(), ReapPlanner.plan(DEPLOYMENT, inventory, NOW));
    }

    @Test
    void templateAndFleetWithoutLiveInstanceAreOrphans() {
        Map<String, String> ended = cluster("etl", "launch-1", NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(3)),
                "PT1H", "PT24H");
        Inventory inventory = new Inventory(List.of(instance("i-1", "terminated", ended)),
                List.of(template("lt-1", launchTags("etl", "launch-1"), NOW.minusSeconds(30))),
                List.of(fleet("fleet-1", launchTags("etl", "launch-1"), "active")));

        List<Removal> removals = ReapPlanner.plan(DEPLOYMENT, inventory, NOW);

        assertEquals(List.of(
                new Removal(Removal.Kind.EMPTY_FLEET, "fleet-1", "etl", "fleet fleet-1 has no running instance"),
                new Removal(Removal.Kind.LAUNCH_TEMPLATE, "lt-1", "etl", "launch template lt-1 has no running instance")),
                removals);
    }

    @Test
    void youngTemplateWithoutLaunchKept() {
        Inventory starting = new Inventory(List.of(), List.of(template("lt-1", launchTags("etl", "launch-1"),
                NOW.minus(Duration.ofMinutes(2)))), List.of());
        Inventory abandoned = new Inventory(List.of(), List.of(template("lt-1", launchTags("etl", "launch-1"),
                NOW.minus(Duration.ofMinutes(11)))), List.of());

        assertEquals(List.of(), ReapPlanner.plan(DEPLOYMENT, starting, NOW));
        assertEquals(1, ReapPlanner.plan(DEPLOYMENT, abandoned, NOW).size());
    }

    @Test
    void youngTemplateWithRecordedFleetIsOrphan() {
        Map<String, String> tags = launchTags("etl", "launch-1");
        tags.put(ClusterTags.FLEET, "fleet-1");

        List<Removal> removals = ReapPlanner.plan(DEPLOYMENT, new Inventory(List.of(),
                List.of(template("lt-1", tags, NOW.minusSeconds(5))), List.of()), NOW);

        assertEquals(List.of(new Removal(Removal.Kind.LAUNCH_TEMPLATE, "lt-1", "etl",
                "launch template lt-1 has no running instance")), removals);
    }

    @Test
    void resourcesOfOtherDeploymentsIgnored() {
        Map<String, String> other = cluster("etl", "launch-1", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)),
                "PT1H", "PT24H");
        other.put("berth:deployment", "someone-else");
        Map<String, String> untagged = new HashMap<>(Map.of(ClusterTags.NAME, "etl", ClusterTags.LAUNCH, "launch-2",
                ClusterTags.MAX_LIFETIME, "PT1H", ClusterTags.STARTED_AT, NOW.minus(Duration.ofDays(3)).toString()));
        Map<String, String> otherTemplate = launchTags("etl", "launch-1");
        otherTemplate.put("berth:deployment", "someone-else");
        Inventory inventory = new Inventory(
                List.of(instance("i-other", "running", other), instance("i-untagged", "running", untagged)),
                List.of(template("lt-other", otherTemplate)),
                List.of(fleet("fleet-other", otherTemplate, "active")));

        assertEquals(List.of(), ReapPlanner.plan(DEPLOYMENT, inventory, NOW));
    }

    @Test
    void clusterWithoutLimitsKept() {
        Map<String, String> tags = cluster("etl", "launch-1", NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(30)),
                "not-a-duration", null);

        assertEquals(List.of(), ReapPlanner.plan(DEPLOYMENT, new Inventory(List.of(instance("i-1", "running", tags)),
                List.of(), List.of()), NOW));
    }

    @Test
    void deletedFleetsIgnored() {
        List<Removal> removals = ReapPlanner.plan(DEPLOYMENT, new Inventory(List.of(), List.of(),
                List.of(fleet("fleet-1", launchTags("etl", "launch-1"), "deleted_terminating"))), NOW);

        assertEquals(List.of(), removals);
    }

    @Test
    void formatWritesHoursMinutesSeconds() {
        assertEquals("26h", ReapPlanner.format(Duration.ofHours(26)));
        assertEquals("2h10m", ReapPlanner.format(Duration.ofMinutes(130)));
        assertEquals("5m30s", ReapPlanner.format(Duration.ofSeconds(330)));
        assertEquals("45s", ReapPlanner.format(Duration.ofSeconds(45)));
        assertEquals("0s", ReapPlanner.format(Duration.ofMillis(300)));
        assertEquals("1h", ReapPlanner.format(Duration.ofSeconds(3630)));
    }

    private static Map<String, String> launchTags(String name, String launch) {
        Map<String, String> tags = new HashMap<>();
        tags.put("berth:deployment", DEPLOYMENT);
        tags.put("berth:managed", "true");
        tags.put(ClusterTags.NAME, name);
        tags.put(ClusterTags.LAUNCH, launch);
        return tags;
    }

    private static Map<String, String> cluster(String name, String launch, Instant startedAt, Instant lastActivity,
            String idleTimeout, String maxLifetime) {
        Map<String, String> tags = launchTags(name, launch);
        tags.put(ClusterTags.STARTED_AT, startedAt.toString());
        tags.put(ClusterTags.LAST_ACTIVITY, lastActivity.toString());
        if (idleTimeout != null) {
            tags.put(ClusterTags.IDLE_TIMEOUT, idleTimeout);
        }
        if (maxLifetime != null) {
            tags.put(ClusterTags.MAX_LIFETIME, maxLifetime);
        }
        return tags;
    }

    private static Inventory.Instance instance(String id, String state, Map<String, String> tags) {
        return new Inventory.Instance(id, state, tags, null);
    }

    private static Inventory.Template template(String id, Map<String, String> tags) {
        return template(id, tags, NOW.minus(Duration.ofHours(4)));
    }

    private static Inventory.Template template(String id, Map<String, String> tags, Instant createdAt) {
        return new Inventory.Template(id, "berth-" + id, tags, createdAt);
    }

    private static Inventory.Fleet fleet(String id, Map<String, String> tags, String state) {
        return new Inventory.Fleet(id, tags, state);
    }
}
