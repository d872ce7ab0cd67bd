package io.berth.securitygroups;

import io.berth.api.DeploymentContext;
import io.berth.api.ResourceStatus;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Creates and removes the deployment's two security groups. Both exist in every deployment, so
 * that a cluster can use either mode. Outbound traffic stays open through the egress rule AWS
 * puts on every new group; inbound is only what {@link #ingress} lists.
 */
final class SecurityGroups {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityGroups.class);

    private final Ec2Client ec2;
    private final DeploymentConfig config;

    SecurityGroups(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
    }

    void apply(DeploymentContext context) {
        String vpcId = context.awaitOutput(DeploymentContext.VPC_ID);
        for (Mode mode : Mode.values()) {
            String groupId = ensureGroup(vpcId, mode, context);
            ensureIngress(groupId, mode, context);
            context.putOutput(mode == Mode.DIRECT
                    ? DeploymentContext.DIRECT_SECURITY_GROUP_ID
                    : DeploymentContext.PROXY_SECURITY_GROUP_ID, groupId);
        }
    }

    void destroy(DeploymentContext context) {
        for (SecurityGroup group : ec2.describeSecurityGroups(request -> request.filters(Ec2Tags.deployment(config)))
                .securityGroups()) {
            ec2.deleteSecurityGroup(request -> request.groupId(group.groupId()));
            changed(context, "deleted security group " + group.groupId() + " (" + group.groupName() + ")");
        }
    }

    List<ResourceStatus> status() {
        List<ResourceStatus> states = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            String name = resourceName(mode);
            Optional<SecurityGroup> group = ec2.describeSecurityGroups(request -> request.filters(Ec2Tags.resource(config, name)))
                    .securityGroups().stream().findFirst();
            if (group.isEmpty()) {
                states.add(new ResourceStatus("AWS::EC2::SecurityGroup", name, null, ResourceStatus.MISSING, "not found by its tags"));
                continue;
            }
            List<IpPermission> missing = ingress(config, mode, group.get().groupId()).stream()
                    .filter(wanted -> !covered(wanted, group.get().ipPermissions()))
                    .toList();
            states.add(missing.isEmpty()
                    ? new ResourceStatus("AWS::EC2::SecurityGroup", name, group.get().groupId(), ResourceStatus.PRESENT,
                            group.get().groupName())
                    : new ResourceStatus("AWS::EC2::SecurityGroup", name, group.get().groupId(), ResourceStatus.DRIFTED,
                            "missing inbound rules: " + describe(missing)));
        }
        return states;
    }

    static String resourceName(Mode mode) {
        return "security-group-" + mode.id();
    }

    static String groupName(DeploymentConfig config, Mode mode) {
        return config.deployment() + "-" + mode.id();
    }

    /** The inbound rules of a mode's group: always traffic within the group, and in direct mode the clients. */
    static List<IpPermission> ingress(DeploymentConfig config, Mode mode, String groupId) {
        List<IpPermission> rules = new ArrayList<>();
        rules.add(IpPermission.builder().ipProtocol("-1")
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build()).build());
        if (mode == Mode.DIRECT) {
            for (Integer port : config.ingress().ports()) {
                List<IpRange> ranges = config.ingress().cidrs().stream()
                        .map(cidr -> IpRange.builder().cidrIp(cidr).description("berth client").build())
                        .toList();
                if (!ranges.isEmpty()) {
                    rules.add(IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(ranges).build());
                }
            }
        }
        return rules;
    }

    private String ensureGroup(String vpcId, Mode mode, DeploymentContext context) {
        String name = resourceName(mode);
        Optional<SecurityGroup> existing = ec2.describeSecurityGroups(request -> request.filters(withVpc(
                Ec2Tags.resource(config, name), vpcId))).securityGroups().stream().findFirst();
        if (existing.isPresent()) {
            context.progress("security group " + existing.get().groupId() + " (" + mode.id() + ") exists");
            return existing.get().groupId();
        }
        String groupId = ec2.createSecurityGroup(request -> request.vpcId(vpcId)
                        .groupName(groupName(config, mode))
                        .description("Berth " + mode.id() + "-mode workers of deployment " + config.deployment())
                        .tagSpecifications(Ec2Tags.specification(config, ResourceType.SECURITY_GROUP, name)))
                .groupId();
        changed(context, "created security group " + groupId + " (" + mode.id() + ") in VPC " + vpcId);
        return groupId;
    }

    /** Adds the inbound rules that are missing; rules added by hand are left alone. */
    private void ensureIngress(String groupId, Mode mode, DeploymentContext context) {
        SecurityGroup group = ec2.describeSecurityGroups(request -> request.groupIds(groupId)).securityGroups().get(0);
        List<IpPermission> missing = new ArrayList<>();
        for (IpPermission wanted : ingress(config, mode, groupId)) {
            if (!covered(wanted, group.ipPermissions())) {
                missing.add(wanted);
            }
        }
        if (!missing.isEmpty()) {
            ec2.authorizeSecurityGroupIngress(request -> request.groupId(groupId).ipPermissions(missing));
            changed(context, "allowed " + describe(missing) + " into security group " + groupId);
        }
    }

    private static boolean covered(IpPermission wanted, List<IpPermission> existing) {
        return existing.stream().anyMatch(rule -> rule.ipProtocol().equals(wanted.ipProtocol())
                && java.util.Objects.equals(rule.fromPort(), wanted.fromPort())
                && java.util.Objects.equals(rule.toPort(), wanted.toPort())
                && rule.ipRanges().stream().map(IpRange::cidrIp).toList()
                        .containsAll(wanted.ipRanges().stream().map(IpRange::cidrIp).toList())
                && rule.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()
                        .containsAll(wanted.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()));
    }

    private static String describe(List<IpPermission> rules) {
        return rules.stream().map(rule -> "-1".equals(rule.ipProtocol())
                        ? "all traffic from the group itself"
                        : rule.ipProtocol() + "/" + rule.fromPort() + " from "
                                + rule.ipRanges().stream().map(IpRange::cidrIp).toList())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static List<Filter> withVpc(List<Filter> filters, String vpcId) {
        List<Filter> all = new ArrayList<>(filters);
        all.add(Filter.builder().name("vpc-id").values(vpcId).build());
        return all;
    }

    private void changed(DeploymentContext context, String message) {
        LOG.info("{} for deployment {}", message, config.deployment());
        context.progress(message);
    }
}
