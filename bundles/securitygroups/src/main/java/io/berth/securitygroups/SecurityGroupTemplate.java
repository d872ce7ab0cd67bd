package io.berth.securitygroups;

import static io.berth.api.IntrinsicFunctions.getAtt;

import io.berth.api.DeploymentContext;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.TemplateOutput;
import io.berth.api.TemplateResource;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Both security groups as CloudFormation resources, with the rules of {@link SecurityGroups#ingress}
 * and {@link SecurityGroups#egress} and the same names and tags as apply gives them.
 *
 * <p>Each inbound rule is a resource of its own, named after its protocol, ports and source, such
 * as {@code DirectSecurityGroupIngressTcp443From203x0x113x0n24}: a CIDR added to
 * {@code ingress.cidrs} then shows in a diff as one added resource, and the rule within the group
 * can refer to the group, which a group's own properties cannot.
 */
final class SecurityGroupTemplate {

    private SecurityGroupTemplate() {
    }

    static TemplateFragment of(TemplateContext context) {
        DeploymentConfig config = context.config();
        Object vpcId = context.reference(DeploymentContext.VPC_ID);

        List<TemplateResource> resources = new ArrayList<>();
        List<TemplateOutput> outputs = new ArrayList<>();
        Map<String, Object> references = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            String groupId = logicalId(mode);
            resources.add(group(config, mode, vpcId));
            for (Rule rule : SecurityGroups.ingress(config, mode, groupId)) {
                resources.add(ingress(groupId, rule));
            }
            outputs.add(new TemplateOutput(groupId + "Id", "the security group of " + mode.id() + "-mode clusters",
                    getAtt(groupId, "GroupId")));
            references.put(mode == Mode.DIRECT
                    ? DeploymentContext.DIRECT_SECURITY_GROUP_ID
                    : DeploymentContext.PROXY_SECURITY_GROUP_ID, getAtt(groupId, "GroupId"));
        }
        return new TemplateFragment(List.of(), resources, outputs, references);
    }

    /** Returns the logical id of a mode's group, such as {@code DirectSecurityGroup}. */
    static String logicalId(Mode mode) {
        String id = mode.id();
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1) + "SecurityGroup";
    }

    /**
     * Returns the part of a rule's logical id that names its source: the CIDR with {@code x} for
     * each dot, {@code y} for each colon and {@code n} before the prefix length, so that no two
     * CIDRs give the same name.
     */
    static String peerId(String peer) {
        return peer.replace(".", "x").replace(":", "y").replace("/", "n");
    }

    private static TemplateResource group(DeploymentConfig config, Mode mode, Object vpcId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("GroupName", SecurityGroups.groupName(config, mode));
        properties.put("GroupDescription", SecurityGroups.description(config, mode));
        properties.put("VpcId", vpcId);
        List<Map<String, Object>> egress = new ArrayList<>();
        for (Rule rule : SecurityGroups.egress()) {
            Map<String, Object> permission = permission(rule);
            permission.put("CidrIp", rule.peer());
            permission.put("Description", "all outbound traffic, as on every new security group");
            egress.add(permission);
        }
        properties.put("SecurityGroupEgress", egress);
        properties.put("Tags", TemplateResource.tags(Ec2Tags.values(config, SecurityGroups.resourceName(mode))));
        return new TemplateResource(logicalId(mode), "AWS::EC2::SecurityGroup", properties);
    }

    private static TemplateResource ingress(String groupId, Rule rule) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("GroupId", getAtt(groupId, "GroupId"));
        properties.putAll(permission(rule));
        String name;
        if (rule.peer().equals(groupId)) {
            properties.put("SourceSecurityGroupId", getAtt(groupId, "GroupId"));
            properties.put("Description", "all traffic between the instances of this group");
            name = groupId + "IngressWithinGroup";
        } else {
            properties.put(rule.peer().contains(":") ? "CidrIpv6" : "CidrIp", rule.peer());
            properties.put("Description", "clients of ingress.cidrs on " + rule.protocol() + " port " + ports(rule, "-"));
            name = groupId + "Ingress" + protocolId(rule) + ports(rule, "to") + "From" + peerId(rule.peer());
        }
        return new TemplateResource(name, "AWS::EC2::SecurityGroupIngress", properties);
    }

    private static Map<String, Object> permission(Rule rule) {
        Map<String, Object> permission = new LinkedHashMap<>();
        permission.put("IpProtocol", rule.protocol());
        if (rule.fromPort() != null) {
            permission.put("FromPort", rule.fromPort());
            permission.put("ToPort", rule.toPort());
        }
        return permission;
    }

    private static String protocolId(Rule rule) {
        return "-1".equals(rule.protocol()) ? "AllTraffic"
                : rule.protocol().substring(0, 1).toUpperCase(Locale.ROOT) + rule.protocol().substring(1);
    }

    private static String ports(Rule rule, String separator) {
        if (rule.fromPort() == null) {
            return "";
        }
        return rule.fromPort().equals(rule.toPort()) ? String.valueOf(rule.fromPort()) : rule.fromPort() + separator + rule.toPort();
    }
}
