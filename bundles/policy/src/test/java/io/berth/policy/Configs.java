package io.berth.policy;

import io.berth.api.config.BucketConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.WorkersConfig;
import java.util.List;

/** Variants of an example config that differ in one field. */
final class Configs {

    private Configs() {
    }

    static DeploymentConfig withBuckets(DeploymentConfig c, List<BucketConfig> buckets) {
        return new DeploymentConfig(c.deployment(), c.region(), c.accountId(), c.mode(), c.network(), c.ingress(),
                buckets, c.controlPlane(), c.roles(), c.rules(), c.tags(), c.admin());
    }

    static DeploymentConfig withRegion(DeploymentConfig c, String region) {
        return new DeploymentConfig(c.deployment(), region, c.accountId(), c.mode(), c.network(), c.ingress(),
                c.buckets(), c.controlPlane(), c.roles(), c.rules(), c.tags(), c.admin());
    }

    static DeploymentConfig withImageId(DeploymentConfig c, String imageId) {
        WorkersConfig workers = new WorkersConfig(c.workers().instanceTypes(), c.workers().maxInstances(), imageId);
        return new DeploymentConfig(c.deployment(), c.region(), c.accountId(), c.mode(), c.network(), c.ingress(),
                c.buckets(), c.controlPlane(), c.roles(), c.rules(), c.tags(), c.admin(), workers, c.reaper());
    }

    static DeploymentConfig withAccountId(DeploymentConfig c, String accountId) {
        return new DeploymentConfig(c.deployment(), c.region(), accountId, c.mode(), c.network(), c.ingress(),
                c.buckets(), c.controlPlane(), c.roles(), c.rules(), c.tags(), c.admin());
    }
}
