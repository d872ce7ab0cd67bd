package io.berth.api;

import io.berth.api.config.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A worker cluster: a launch template and an EC2 Fleet, with its state held in tags (see
 * {@link ClusterTags}).
 *
 * @param name             the cluster name, unique among the deployment's running clusters
 * @param instanceTypes    the instance types asked for, in order of preference
 * @param instanceIds      the running instances
 * @param fleetId          the EC2 Fleet id, or null when the fleet is gone
 * @param launchedAt       when it was started
 * @param lastActivity     when it was last used, which the reaper compares with the idle timeout
 * @param launchTemplateId the launch template id, or null when the template is gone
 * @param instanceType     the instance type of the running instances
 * @param idleTimeout      how long it may stay idle before the reaper removes it
 * @param maxLifetime      how long it may run at most
 * @param mode             which security group it uses
 * @param spot             whether it runs on Spot capacity
 */
public record Cluster(
        String name,
        List<String> instanceTypes,
        List<String> instanceIds,
        String fleetId,
        Instant launchedAt,
        Instant lastActivity,
        String launchTemplateId,
        String instanceType,
        Duration idleTimeout,
        Duration maxLifetime,
        Mode mode,
        boolean spot) {

    public Cluster {
        instanceTypes = List.copyOf(instanceTypes);
        instanceIds = List.copyOf(instanceIds);
    }

    /** Creates a cluster with only the fields of the first version of this record. */
    public Cluster(String name, List<String> instanceTypes, List<String> instanceIds, String fleetId, Instant launchedAt,
            Instant lastActivity) {
        this(name, instanceTypes, instanceIds, fleetId, launchedAt, lastActivity, null, null, null, null, null, false);
    }
}
