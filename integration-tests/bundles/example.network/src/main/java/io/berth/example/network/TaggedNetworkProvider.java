package io.berth.example.network;

import io.berth.api.CloudException;
import io.berth.api.DeploymentContext;
import io.berth.api.NetworkProvider;
import io.berth.api.PermissionRequirement;
import io.berth.api.PlannedResource;
import io.berth.api.Provider;
import io.berth.api.ResourceAction;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsClients;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * A customer's own network bundle: it adopts the one VPC, and its subnets, that carry a tag
 * the network team puts on shared networks. It creates nothing and removes nothing.
 * Its ranking of 100 puts it above Berth's own network providers as soon as it is installed.
 */
@Component(service = NetworkProvider.class, property = {
        Provider.NAME_PROPERTY + "=" + TaggedNetworkProvider.NAME,
        "service.ranking:Integer=100"})
@Designate(ocd = TaggedNetworkProvider.Settings.class)
public final class TaggedNetworkProvider implements NetworkProvider {

    static final String NAME = "example.network";

    /** Settings under the Configuration Admin PID {@code io.berth.example.network.TaggedNetworkProvider}. */
    @ObjectClassDefinition(name = "Tagged network")
    @interface Settings {
        @AttributeDefinition(description = "Tag key that marks the shared VPC and its subnets")
        String tagKey() default "network:shared";

        @AttributeDefinition(description = "Tag value that marks the shared VPC and its subnets")
        String tagValue() default "true";
    }

    @Reference
    private AwsClients aws;

    private Settings settings;

    @Activate
    void activate(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return List.of(new PermissionRequirement(RoleKind.DEPLOYER, "FindSharedNetwork",
                "find the VPC and subnets tagged " + settings.tagKey() + "=" + settings.tagValue(),
                List.of("ec2:DescribeSubnets", "ec2:DescribeVpcs"), List.of("*"), List.of()));
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        Map<String, String> tag = Map.of("tag", settings.tagKey() + "=" + settings.tagValue());
        return List.of(
                new PlannedResource("AWS::EC2::VPC", "vpc", ResourceAction.ADOPT, NAME, tag, List.of()),
                new PlannedResource("AWS::EC2::Subnet", "subnets", ResourceAction.ADOPT, NAME, tag, List.of("vpc")));
    }

    @Override
    public void apply(DeploymentContext context) {
        Ec2Client ec2 = aws.ec2(context.config());
        Filter tagged = Filter.builder().name("tag:" + settings.tagKey()).values(settings.tagValue()).build();

        List<Vpc> vpcs = ec2.describeVpcs(request -> request.filters(tagged)).vpcs();
        if (vpcs.size() != 1) {
            throw new CloudException(vpcs.size() + " VPCs carry the tag " + settings.tagKey() + "=" + settings.tagValue()
                    + " in " + context.config().region(), "tag exactly one VPC as shared", null);
        }
        String vpcId = vpcs.get(0).vpcId();

        List<String> subnetIds = ec2.describeSubnets(request -> request.filters(tagged,
                        Filter.builder().name("vpc-id").values(vpcId).build()))
                .subnets().stream().map(Subnet::subnetId).sorted().toList();
        context.putOutput(DeploymentContext.VPC_ID, vpcId);
        context.putOutput(DeploymentContext.SUBNET_IDS, String.join(",", subnetIds));
        context.progress("adopted VPC " + vpcId + " with subnets " + subnetIds);
    }

    @Override
    public void destroy(DeploymentContext context) {
        // The shared network belongs to the network team: nothing to remove.
    }
}
