package io.berth.api.config;

import java.util.List;

/**
 * The worker instances clusters may run.
 *
 * @param instanceTypes the instance types clusters use; the managed network places its subnets
 *                      in availability zones where these are offered
 * @param maxInstances  the largest number of instances one cluster may start
 */
public record WorkersConfig(List<String> instanceTypes, Integer maxInstances) {
    public static final WorkersConfig DEFAULT = new WorkersConfig(null, null);

    public WorkersConfig {
        instanceTypes = instanceTypes == null || instanceTypes.isEmpty() ? List.of("m5.large") : List.copyOf(instanceTypes);
        maxInstances = maxInstances == null ? 20 : maxInstances;
    }
}
