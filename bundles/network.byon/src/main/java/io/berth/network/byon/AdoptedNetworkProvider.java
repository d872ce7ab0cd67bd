package io.berth.network.byon;

import io.berth.api.NetworkProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Adopts an existing VPC and subnets. It validates them and creates, modifies and deletes nothing.
 */
@Component(service = NetworkProvider.class, property = Provider.NAME_PROPERTY + "=" + AdoptedNetworkProvider.NAME)
public final class AdoptedNetworkProvider implements NetworkProvider {

    static final String NAME = "network.byon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(DeploymentConfig config) {
        return config.network() != null && config.network().byon() != null;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        throw missing("its IAM permission requirements");
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        throw missing("planning");
    }

    @Override
    public void apply(DeploymentContext context) {
        throw missing("validating the adopted VPC and subnets");
    }

    @Override
    public void destroy(DeploymentContext context) {
        // An adopted network belongs to the customer: destroy leaves it as it is.
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
