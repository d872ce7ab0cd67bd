package io.berth.api;

import java.time.Instant;
import java.util.List;

/**
 * A worker cluster: a launch template and an EC2 Fleet, with its state held in tags.
 *
 * @param name          the cluster name, unique within the deployment
 * @param instanceTypes the instance types asked for, in order of preference
 * @param instanceIds   the running instances
 * @param fleetId       the EC2 Fleet id
 * @param launchedAt    when it was started
 * @param lastActivity  when it was last used, which the reaper compares with the idle timeout
 */
public record Cluster(
        String name,
        List<String> instanceTypes,
        List<String> instanceIds,
        String fleetId,
        Instant launchedAt,
        Instant lastActivity) {

    public Cluster {
        instanceTypes = List.copyOf(instanceTypes);
        instanceIds = List.copyOf(instanceIds);
    }
}
