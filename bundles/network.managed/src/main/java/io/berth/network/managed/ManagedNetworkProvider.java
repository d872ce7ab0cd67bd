package io.berth.network.managed;

import io.berth.api.NetworkProvider;
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
import io.berth.aws.AwsClients;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates a VPC from the configured CIDR, two subnets in two availability zones where the worker
 * instance types are offered, an internet gateway and routes. Nothing in it costs money while idle.
 */
// Ranked above the adopting provider so that it is the one shown as active by default; a
// customer's own network bundle takes over by registering with a higher ranking.
@Component(service = NetworkProvider.class, property = {
        Provider.NAME_PROPERTY + "=" + ManagedNetworkProvider.NAME,
        "service.ranking:Integer=1"})
public final class ManagedNetworkProvider implements NetworkProvider {

    static final String NAME = "network.managed";

    @Reference
    private AwsClients aws;

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
        return NetworkPlan.resources(config);
    }

    @Override
    public List<ResourceStatus> status(DeploymentConfig config, List<GeneratedRole> roles) {
        return new ManagedNetwork(aws.ec2(config), config).status();
    }

    @Override
    public void preflight(DeploymentConfig config) {
        new ManagedNetwork(aws.ec2(config), config).preflight();
    }

    @Override
    public TemplateFragment template(TemplateContext context) {
        return NetworkTemplate.of(context);
    }

    @Override
    public void apply(DeploymentContext context) {
        new ManagedNetwork(aws.ec2(context.config()), context.config()).apply(context);
    }

    @Override
    public void destroy(DeploymentContext context) {
        new ManagedNetwork(aws.ec2(context.config()), context.config()).destroy(context);
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
