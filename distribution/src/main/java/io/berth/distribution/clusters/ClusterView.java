package io.berth.distribution.clusters;

import io.berth.api.Cluster;
import java.time.Instant;
import java.util.List;

/**
 * A cluster as the CLI's JSON output and the REST API show it, with durations written the way
 * {@code --idle-timeout} takes them.
 *
 * @param instanceType the type of the running instances
 * @param mode         {@code direct} or {@code proxy}
 * @param capacity     {@code spot} or {@code on-demand}
 */
public record ClusterView(
        String name,
        List<String> instanceTypes,
        String instanceType,
        List<String> instanceIds,
        String fleetId,
        String launchTemplateId,
        Instant launchedAt,
        Instant lastActivity,
        String idleTimeout,
        String maxLifetime,
        String mode,
        String capacity) {

    public static ClusterView of(Cluster cluster) {
        return new ClusterView(
                cluster.name(),
                cluster.instanceTypes(),
                cluster.instanceType(),
                cluster.instanceIds(),
                cluster.fleetId(),
                cluster.launchTemplateId(),
                cluster.launchedAt(),
                cluster.lastActivity(),
                Durations.format(cluster.idleTimeout()),
                Durations.format(cluster.maxLifetime()),
                cluster.mode() == null ? null : cluster.mode().id(),
                cluster.spot() ? "spot" : "on-demand");
    }
}
