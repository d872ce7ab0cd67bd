package io.berth.roles;

import io.berth.api.RoleProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.GeneratedRole;
import io.berth.api.ResourceStatus;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import io.berth.api.ResourceAction;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.aws.AwsClients;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the runtime roles and the worker instance profile of a deployment.
 */
@Component(service = RoleProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultRoleProvider.NAME)
public final class DefaultRoleProvider implements RoleProvider {

    static final String NAME = "roles";

    @Reference
    private AwsClients aws;

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
        List<PlannedResource> resources = new ArrayList<>();
        for (RoleKind kind : List.of(RoleKind.USER_INITIATED, RoleKind.UNATTENDED, RoleKind.WORKER)) {
            Map<String, String> properties = new TreeMap<>();
            properties.put("roleName", ResourceNames.roleName(config, kind));
            properties.put("path", config.roles().path());
            if (config.roles().permissionBoundary() != null) {
                properties.put("permissionBoundary", config.roles().permissionBoundary());
            }
            resources.add(new PlannedResource("AWS::IAM::Role", kind.id() + "-role", ResourceAction.CREATE, NAME,
                    properties, List.of()));
        }
        resources.add(new PlannedResource("AWS::IAM::InstanceProfile", "worker-instance-profile", ResourceAction.CREATE,
                NAME, Map.of("instanceProfileName", ResourceNames.instanceProfileName(config)), List.of("worker-role")));
        return resources;
    }

    @Override
    public List<ResourceStatus> status(DeploymentConfig config, List<GeneratedRole> roles) {
        return new RuntimeRoles(aws.iam(config), config).status(roles);
    }

    @Override
    public TemplateFragment template(TemplateContext context) {
        return RoleTemplate.of(context);
    }

    @Override
    public void apply(DeploymentContext context) {
        new RuntimeRoles(aws.iam(context.config()), context.config()).apply(context);
    }

    @Override
    public void destroy(DeploymentContext context) {
        new RuntimeRoles(aws.iam(context.config()), context.config()).destroy(context);
    }


    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
