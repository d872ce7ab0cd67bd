package io.berth.distribution.clusters;

import io.berth.api.FleetProvider;
import io.berth.api.ReaperProvider;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.platform.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The active fleet and reaper providers of a deployment, looked up on each call so that a bundle
 * swapped while the server runs serves the next request.
 */
@ApplicationScoped
public class ClusterService {

    @Inject
    Platform platform;

    public FleetProvider fleet(DeploymentConfig config) {
        platform.watchDeployFolder();
        return platform.providers().activeFor(config).fleet();
    }

    public ReaperProvider reaper(DeploymentConfig config) {
        platform.watchDeployFolder();
        return platform.providers().activeFor(config).reaper();
    }
}
