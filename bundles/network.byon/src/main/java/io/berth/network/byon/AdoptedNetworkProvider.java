package io.berth.network.byon;

import io.berth.api.NetworkProvider;
import io.berth.api.DeploymentContext;
import io.berth.api.GeneratedRole;
import io.berth.api.ResourceStatus;
import io.berth.api.PermissionRequirement;
import io.berth.api.Provider;
import io.berth.api.PlannedResource;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import io.berth.api.IntrinsicFunctions;
import io.berth.api.ResourceAction;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.TemplateOutput;
import io.berth.api.TemplateParameter;
import io.berth.api.config.NetworkConfig;
import io.berth.aws.AwsClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Adopts an existing VPC and subnets. It validates them and creates, modifies and deletes nothing.
 */
@Component(service = NetworkProvider.class, property = Provider.NAME_PROPERTY + "=" + AdoptedNetworkProvider.NAME)
public final class AdoptedNetworkProvider implements NetworkProvider {

    static final String NAME = "network.byon";

    static final String VPC_PARAMETER = "VpcId";
    static final String SUBNETS_PARAMETER = "SubnetIds";

    @Reference
    private AwsClients aws;

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
        NetworkConfig.Byon byon = config.network().byon();
        List<PlannedResource> resources = new ArrayList<>();
        resources.add(new PlannedResource("AWS::EC2::VPC", byon.vpcId(), ResourceAction.ADOPT, NAME,
                Map.of("vpcId", String.valueOf(byon.vpcId())), List.of()));
        for (String subnetId : byon.subnetIds()) {
            resources.add(new PlannedResource("AWS::EC2::Subnet", subnetId, ResourceAction.ADOPT, NAME,
                    Map.of("subnetId", subnetId), List.of(String.valueOf(byon.vpcId()))));
        }
        return resources;
    }

    @Override
    public List<ResourceStatus> status(DeploymentConfig config, List<GeneratedRole> roles) {
        List<Subnet> subnets = new AdoptedNetwork(aws.ec2(config), config).validate();
        List<ResourceStatus> states = new ArrayList<>();
        states.add(new ResourceStatus("AWS::EC2::VPC", config.network().byon().vpcId(), config.network().byon().vpcId(),
                ResourceStatus.ADOPTED, "exists; never modified by Berth"));
        for (Subnet subnet : subnets) {
            states.add(new ResourceStatus("AWS::EC2::Subnet", subnet.subnetId(), subnet.subnetId(), ResourceStatus.ADOPTED,
                    subnet.cidrBlock() + " in " + subnet.availabilityZone() + ", egress checked for mode " + config.mode().id()));
        }
        return states;
    }

    /**
     * Declares the adopted VPC and subnets as template parameters, of the types CloudFormation
     * checks, with the configured ids as defaults. An adopted network is not part of the stack.
     * CloudFormation checks only that they exist; {@code berth status} checks the rest, as apply does.
     */
    @Override
    public TemplateFragment template(TemplateContext context) {
        NetworkConfig.Byon byon = context.config().network().byon();
        List<TemplateParameter> parameters = List.of(
                new TemplateParameter(VPC_PARAMETER, "AWS::EC2::VPC::Id",
                        "The existing VPC to adopt (network.byon.vpcId); it is never modified", byon.vpcId()),
                new TemplateParameter(SUBNETS_PARAMETER, "List<AWS::EC2::Subnet::Id>",
                        "Subnets of that VPC in at least two availability zones (network.byon.subnetIds)",
                        String.join(",", byon.subnetIds())));
        List<TemplateOutput> outputs = List.of(
                new TemplateOutput("VpcId", "the adopted VPC", IntrinsicFunctions.ref(VPC_PARAMETER)),
                new TemplateOutput("SubnetIds", "the adopted subnets, comma-separated",
                        IntrinsicFunctions.join(",", IntrinsicFunctions.ref(SUBNETS_PARAMETER))));
        Map<String, Object> references = new LinkedHashMap<>();
        references.put(DeploymentContext.VPC_ID, IntrinsicFunctions.ref(VPC_PARAMETER));
        references.put(DeploymentContext.SUBNET_IDS, IntrinsicFunctions.ref(SUBNETS_PARAMETER));
        return new TemplateFragment(parameters, List.of(), outputs, references);
    }

    @Override
    public void preflight(DeploymentConfig config) {
        new AdoptedNetwork(aws.ec2(config), config).validate();
    }

    @Override
    public void apply(DeploymentContext context) {
        List<Subnet> subnets = new AdoptedNetwork(aws.ec2(context.config()), context.config()).validate();
        String vpcId = context.config().network().byon().vpcId();
        context.putOutput(DeploymentContext.VPC_ID, vpcId);
        context.putOutput(DeploymentContext.SUBNET_IDS, subnets.stream().map(Subnet::subnetId).collect(Collectors.joining(",")));
        context.progress("adopted VPC " + vpcId + " with subnets " + subnets.stream()
                .map(subnet -> subnet.subnetId() + " (" + subnet.availabilityZone() + ")").collect(Collectors.joining(", ")));
    }

    @Override
    public void destroy(DeploymentContext context) {
        // An adopted network belongs to the customer: destroy leaves it as it is.
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
