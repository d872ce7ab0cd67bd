package io.berth.network.byon;

import io.berth.api.NetworkProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.RoleKind;
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

    /**
     * Apply validates the adopted network with DescribeVpcs, DescribeSubnets (the subnets belong to
     * the VPC and span two availability zones), DescribeRouteTables (the subnets route to the
     * internet) and DescribeInstanceTypeOfferings (the zones offer the worker instance types).
     * Destroy makes no call. Apply must call nothing outside this list.
     */
    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return List.of(PermissionRequirement.builder(RoleKind.DEPLOYER, "DescribeNetwork")
                .reason("apply checks that the adopted VPC and subnets exist, span two availability zones,"
                        + " route to the internet and offer the worker instance types; it changes nothing")
                .actions("ec2:DescribeInstanceTypeOfferings", "ec2:DescribeRouteTables", "ec2:DescribeSubnets",
                        "ec2:DescribeVpcs")
                .resources("*")
                .build());
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
