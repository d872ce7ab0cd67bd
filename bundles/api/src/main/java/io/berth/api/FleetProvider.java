package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/** Starts, lists and stops worker clusters under the UserInitiated role. */
public interface FleetProvider extends Provider {

    /**
     * Starts a cluster and returns it once its instances are launched.
     *
     * @throws InvalidConfigException naming the request field ({@code name}, {@code instanceTypes},
     *                                {@code count}, ...) when the request cannot be served, before
     *                                anything is launched
     */
    Cluster start(DeploymentConfig config, ClusterRequest request);

    /** Returns the deployment's running clusters, read from their tags. */
    List<Cluster> list(DeploymentConfig config);

    /**
     * Terminates the instances of a running cluster.
     *
     * @throws ClusterNotFoundException when no running cluster has that name
     */
    void stop(DeploymentConfig config, String clusterName);

    /**
     * Records that a running cluster is in use now, which restarts its idle timeout, and returns it.
     *
     * @throws ClusterNotFoundException when no running cluster has that name
     */
    default Cluster recordActivity(DeploymentConfig config, String clusterName) {
        throw new UnsupportedOperationException(name() + " does not record cluster activity");
    }
}
