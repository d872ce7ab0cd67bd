package io.berth.securitygroups;

import io.berth.api.DeploymentContext;
import io.berth.api.ResourceStatus;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

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
            List<String> drift = drift(group.get(), ingress(config, mode, group.get().groupId()));
            states.add(drift.isEmpty()
                    ? new ResourceStatus("AWS::EC2::SecurityGroup", name, group.get().groupId(), ResourceStatus.PRESENT,
                            group.get().groupName())
                    : new ResourceStatus("AWS::EC2::SecurityGroup", name, group.get().groupId(), ResourceStatus.DRIFTED,
                            String.join("; ", drift)));
        }
        return states;
    }

    static String resourceName(Mode mode) {
        return "security-group-" + mode.id();
    }

    static String groupName(DeploymentConfig config, Mode mode) {
        return config.deployment() + "-" + mode.id();
    }

    static String description(DeploymentConfig config, Mode mode) {
        return "Berth " + mode.id() + "-mode workers of deployment " + config.deployment();
    }

    /** Returns the inbound rules of a mode's group: traffic within the group, plus the clients in direct mode. */
    static Set<Rule> ingress(DeploymentConfig config, Mode mode, String groupId) {
        Set<Rule> rules = new LinkedHashSet<>();
        rules.add(new Rule("-1", null, null, groupId));
        if (mode == Mode.DIRECT) {
            for (Integer port : config.ingress().ports()) {
                for (String cidr : config.ingress().cidrs()) {
                    rules.add(new Rule("tcp", port, port, cidr));
                }
            }
        }
        return rules;
    }

    /** Returns the outbound rules of every group: all traffic to anywhere, as AWS sets on a new group. */
    static Set<Rule> egress() {
        return Set.of(new Rule("-1", null, null, "0.0.0.0/0"));
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
                        .description(description(config, mode))
                        .tagSpecifications(Ec2Tags.specification(config, ResourceType.SECURITY_GROUP, name)))
                .groupId();
        changed(context, "created security group " + groupId + " (" + mode.id() + ") in VPC " + vpcId);
        return groupId;
    }

    /** Adds the inbound rules that are missing and removes those the config no longer names. */
    private void ensureIngress(String groupId, Mode mode, DeploymentContext context) {
        SecurityGroup group = ec2.describeSecurityGroups(request -> request.groupIds(groupId)).securityGroups().get(0);
        Set<Rule> wanted = ingress(config, mode, groupId);
        Set<Rule> existing = Rule.of(group.ipPermissions());

        List<Rule> missing = wanted.stream().filter(rule -> !existing.contains(rule)).toList();
        if (!missing.isEmpty()) {
            ec2.authorizeSecurityGroupIngress(request -> request.groupId(groupId).ipPermissions(Rule.toPermissions(missing)));
            changed(context, "allowed inbound " + missing + " into security group " + groupId);
        }
        List<Rule> extra = existing.stream().filter(rule -> !wanted.contains(rule)).toList();
        if (!extra.isEmpty()) {
            ec2.revokeSecurityGroupIngress(request -> request.groupId(groupId).ipPermissions(Rule.toPermissions(extra)));
            changed(context, "removed inbound " + extra + ", which the config does not name, from security group " + groupId);
        }

        Set<Rule> outbound = Rule.of(group.ipPermissionsEgress());
        List<Rule> missingOutbound = egress().stream().filter(rule -> !outbound.contains(rule)).toList();
        if (!missingOutbound.isEmpty()) {
            ec2.authorizeSecurityGroupEgress(request -> request.groupId(groupId).ipPermissions(Rule.toPermissions(missingOutbound)));
            changed(context, "restored outbound " + missingOutbound + " in security group " + groupId);
        }
        List<Rule> extraOutbound = outbound.stream().filter(rule -> !egress().contains(rule)).toList();
        if (!extraOutbound.isEmpty()) {
            ec2.revokeSecurityGroupEgress(request -> request.groupId(groupId).ipPermissions(Rule.toPermissions(extraOutbound)));
            changed(context, "removed outbound " + extraOutbound + ", covered by all traffic, from security group " + groupId);
        }
    }

    /** Describes how a group's rules differ from the generated ones, one entry per rule; empty when they match. */
    static List<String> drift(SecurityGroup group, Set<Rule> wantedIngress) {
        List<String> drift = new ArrayList<>();
        Set<Rule> inbound = Rule.of(group.ipPermissions());
        Set<Rule> outbound = Rule.of(group.ipPermissionsEgress());
        wantedIngress.stream().filter(rule -> !inbound.contains(rule)).forEach(rule -> drift.add("missing inbound " + rule));
        inbound.stream().filter(rule -> !wantedIngress.contains(rule)).forEach(rule -> drift.add("extra inbound " + rule));
        egress().stream().filter(rule -> !outbound.contains(rule)).forEach(rule -> drift.add("missing outbound " + rule));
        outbound.stream().filter(rule -> !egress().contains(rule)).forEach(rule -> drift.add("extra outbound " + rule));
        return drift;
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
