package io.berth.network.managed;

import io.berth.api.NetworkProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Creates a VPC from the configured CIDR, two subnets in two availability zones where the worker
 * instance types are offered, an internet gateway and routes. Nothing in it costs money while idle.
 */
@Component(service = NetworkProvider.class, property = Provider.NAME_PROPERTY + "=" + ManagedNetworkProvider.NAME)
public final class ManagedNetworkProvider implements NetworkProvider {

    static final String NAME = "network.managed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(DeploymentConfig config) {
        return config.network() != null && config.network().managed() != null;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return NetworkPermissions.of(config);
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        throw missing("planning");
    }

    @Override
    public void apply(DeploymentContext context) {
        throw missing("creating the VPC, subnets, internet gateway and routes");
    }

    @Override
    public void destroy(DeploymentContext context) {
        throw missing("removing the VPC, subnets, internet gateway and routes");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
