package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/** Starts, lists and stops worker clusters under the UserInitiated role. */
public interface FleetProvider extends Provider {

    Cluster start(DeploymentConfig config, ClusterRequest request);

    List<Cluster> list(DeploymentConfig config);

    void stop(DeploymentConfig config, String clusterName);
}
