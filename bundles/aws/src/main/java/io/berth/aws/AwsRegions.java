package io.berth.aws;

import io.berth.api.config.DeploymentConfig;
import io.berth.aws.internal.Regions;
import software.amazon.awssdk.regions.Region;

/** Checks a config's region against the regions this SDK lists, without calling AWS. */
public final class AwsRegions {

    private AwsRegions() {
    }

    /**
     * Returns the config's region.
     *
     * @throws io.berth.api.InvalidConfigException naming {@code region} and the nearest known
     *                                             region when the SDK does not list it
     */
    public static Region requireKnown(DeploymentConfig config) {
        return Regions.resolve(config).region();
    }
}
