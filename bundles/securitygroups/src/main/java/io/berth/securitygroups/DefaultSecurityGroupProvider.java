package io.berth.securitygroups;

import io.berth.api.SecurityGroupProvider;
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
import io.berth.api.config.Mode;
import io.berth.aws.AwsClients;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the direct-mode and proxy-mode security groups of a deployment.
 */
@Component(service = SecurityGroupProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultSecurityGroupProvider.NAME)
public final class DefaultSecurityGroupProvider implements SecurityGroupProvider {

    static final String NAME = "securitygroups";

    @Reference
    private AwsClients aws;

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
        List<PlannedResource> resources = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            Map<String, String> properties = new TreeMap<>();
            properties.put("groupName", SecurityGroups.groupName(config, mode));
            properties.put("ingress", mode == Mode.DIRECT && !config.ingress().cidrs().isEmpty()
                    ? "tcp " + config.ingress().ports() + " from " + config.ingress().cidrs() + "; all traffic within the group"
                    : "all traffic within the group only");
            properties.put("egress", "all traffic");
            resources.add(new PlannedResource("AWS::EC2::SecurityGroup", SecurityGroups.resourceName(mode),
                    ResourceAction.CREATE, NAME, properties, List.of("vpc")));
        }
        return resources;
    }

    @Override
    public List<ResourceStatus> status(DeploymentConfig config, List<GeneratedRole> roles) {
        return new SecurityGroups(aws.ec2(config), config).status();
    }

    @Override
    public TemplateFragment template(TemplateContext context) {
        return SecurityGroupTemplate.of(context);
    }

    @Override
    public void apply(DeploymentContext context) {
        new SecurityGroups(aws.ec2(context.config()), context.config()).apply(context);
    }

    @Override
    public void destroy(DeploymentContext context) {
        new SecurityGroups(aws.ec2(context.config()), context.config()).destroy(context);
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
