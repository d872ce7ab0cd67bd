package io.berth.api;

import io.berth.api.config.Mode;
import java.time.Duration;
import java.util.List;

/**
 * A request to start a worker cluster.
 *
 * @param name          the cluster name
 * @param instanceTypes instance types in order of preference
 * @param count         how many instances
 * @param spot          whether to use Spot capacity
 * @param idleTimeout   how long it may sit idle before the reaper removes it
 * @param maxLifetime   how long it may live at most
 * @param mode          which security group it uses
 */
public record ClusterRequest(
        String name,
        List<String> instanceTypes,
        int count,
        boolean spot,
        Duration idleTimeout,
        Duration maxLifetime,
        Mode mode) {

    public ClusterRequest {
        instanceTypes = List.copyOf(instanceTypes);
    }
}
