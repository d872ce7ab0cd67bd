package io.berth.securitygroups;

import io.berth.api.SecurityGroupProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Creates the direct-mode and proxy-mode security groups of a deployment.
 */
@Component(service = SecurityGroupProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultSecurityGroupProvider.NAME)
public final class DefaultSecurityGroupProvider implements SecurityGroupProvider {

    static final String NAME = "securitygroups";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return SecurityGroupPermissions.of(config);
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        throw missing("planning");
    }

    @Override
    public void apply(DeploymentContext context) {
        throw missing("creating the direct-mode and proxy-mode security groups");
    }

    @Override
    public void destroy(DeploymentContext context) {
        throw missing("removing the direct-mode and proxy-mode security groups");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
