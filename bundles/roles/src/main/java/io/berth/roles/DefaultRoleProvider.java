package io.berth.roles;

import io.berth.api.RoleProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Creates the runtime roles and the worker instance profile of a deployment.
 */
@Component(service = RoleProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultRoleProvider.NAME)
public final class DefaultRoleProvider implements RoleProvider {

    static final String NAME = "roles";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return RolePermissions.of(config);
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        throw missing("planning");
    }

    @Override
    public void apply(DeploymentContext context) {
        throw missing("creating the runtime roles and the worker instance profile");
    }

    @Override
    public void destroy(DeploymentContext context) {
        throw missing("removing the runtime roles and the worker instance profile");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
