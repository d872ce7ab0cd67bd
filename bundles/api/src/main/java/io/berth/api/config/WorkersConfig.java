package io.berth.api.config;

import java.util.List;

/**
 * The worker instances clusters may run.
 *
 * @param instanceTypes the instance types clusters use; the managed network places its subnets
 *                      in availability zones where these are offered
 * @param maxInstances  the largest number of instances one cluster may start
 * @param imageId       the machine image workers boot from, such as {@code ami-0abc1234def567890};
 *                      null for the newest Amazon Linux 2023 image of the instance type's architecture
 */
public record WorkersConfig(List<String> instanceTypes, Integer maxInstances, String imageId) {
    public static final WorkersConfig DEFAULT = new WorkersConfig(null, null, null);

    public WorkersConfig {
        instanceTypes = instanceTypes == null || instanceTypes.isEmpty() ? List.of("m5.large") : List.copyOf(instanceTypes);
        maxInstances = maxInstances == null ? 20 : maxInstances;
    }

    /** Worker settings that boot the default image. */
    public WorkersConfig(List<String> instanceTypes, Integer maxInstances) {
        this(instanceTypes, maxInstances, null);
    }
}
