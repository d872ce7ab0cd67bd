package io.berth.fleet;

import io.berth.api.Cluster;
import io.berth.api.ClusterRequest;
import io.berth.api.FleetProvider;
import io.berth.api.PermissionRequirement;
import io.berth.api.PlannedResource;
import io.berth.api.Provider;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Starts worker clusters as a launch template and an EC2 Fleet, under the UserInitiated role.
 * It publishes the Worker role's requirements too, because it launches the workers.
 */
@Component(service = FleetProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultFleetProvider.NAME)
public final class DefaultFleetProvider implements FleetProvider {

    static final String NAME = "fleet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        List<PermissionRequirement> requirements = new ArrayList<>(FleetPermissions.of(config));
        requirements.addAll(WorkerPermissions.of(config));
        return requirements;
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        // Clusters are started at run time; setup creates nothing for them.
        return List.of();
    }

    @Override
    public Cluster start(DeploymentConfig config, ClusterRequest request) {
        throw missing("starting clusters");
    }

    @Override
    public List<Cluster> list(DeploymentConfig config) {
        throw missing("listing clusters");
    }

    @Override
    public void stop(DeploymentConfig config, String clusterName) {
        throw missing("stopping clusters");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
