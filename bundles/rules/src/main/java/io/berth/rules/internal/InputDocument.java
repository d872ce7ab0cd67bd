package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.GeneratedRole;
import io.berth.api.InvalidConfigException;
import io.berth.api.Plan;
import io.berth.api.PlannedResource;
import io.berth.api.ResourceAction;
import io.berth.api.RoleKind;
import io.berth.api.config.BucketConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the rules' input document from a plan, in the format {@code policies/README.md}
 * describes. The plan model has no security group rules and no subnet details, so those come
 * from the planned resources' properties and the config. The README lists the mapping.
 */
public final class InputDocument {

    static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    static final String SUBNET = "AWS::EC2::Subnet";
    static final String VPC = "AWS::EC2::VPC";
    static final String ROLE = "AWS::IAM::Role";

    /** The role name a bare policy document is checked under; findings on it are dropped. */
    public static final String POLICY_ROLE_NAME = "policy";

    private InputDocument() {
    }

    /** Builds the input document for a whole plan. */
    public static ObjectNode of(Plan plan) {
        DeploymentConfig config = plan.config();
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.set("deployment", deployment(config));
        input.set("network", network(plan));
        input.set("securityGroups", securityGroups(plan));
        input.set("roles", roles(plan));
        input.set("resources", otherResources(plan));
        input.set("buckets", buckets(config));
        return input;
    }

    /**
     * Builds the input document for one IAM identity policy: the policy of a single role of the
     * given kind, named {@value #POLICY_ROLE_NAME}, and nothing else.
     */
    public static ObjectNode ofPolicy(RoleKind kind, String policyJson) {
        JsonNode policy = parseObject(policyJson, "the IAM policy document");
        ObjectNode role = Json.MAPPER.createObjectNode();
        role.put("kind", kind.id());
        role.put("name", POLICY_ROLE_NAME);
        role.putNull("path");
        role.putNull("permissionBoundary");
        role.putObject("tags");
        role.putNull("trustPolicy");
        role.set("policy", policy);

        ObjectNode input = Json.MAPPER.createObjectNode();
        input.putArray("securityGroups");
        input.putArray("roles").add(role);
        input.putArray("resources");
        input.putArray("buckets");
        return input;
    }

    /** Parses a JSON object, such as a posted input document, naming {@code description} when it is not one. */
    public static ObjectNode parseObject(String json, String description) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidConfigException(description, "is not valid JSON: " + firstLine(e.getMessage()),
                    "pass a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidConfigException(description, "is not a JSON object", "pass a JSON object");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode deployment(DeploymentConfig config) {
        ObjectNode deployment = Json.MAPPER.createObjectNode();
        deployment.put("name", config.deployment());
        deployment.put("region", config.region());
        deployment.put("accountId", config.accountId());
        deployment.put("mode", config.mode().id());
        deployment.set("tags", tags(config.tags()));
        return deployment;
    }

    private static ObjectNode network(Plan plan) {
        DeploymentConfig config = plan.config();
        boolean byon = config.network() != null && config.network().byon() != null;
        ObjectNode network = Json.MAPPER.createObjectNode();
        network.put("kind", byon ? "byon" : "managed");

        ObjectNode vpc = network.putObject("vpc");
        if (byon) {
            vpc.put("id", config.network().byon().vpcId());
        }
        String cidr = config.network() != null && config.network().managed() != null
                ? config.network().managed().cidr()
                : null;
        for (PlannedResource resource : plan.resources()) {
            if (VPC.equals(resource.type()) && resource.properties().containsKey("cidr")) {
                cidr = resource.properties().get("cidr");
            }
        }
        if (cidr != null) {
            vpc.put("cidr", cidr);
        }

        ArrayNode subnets = network.putArray("subnets");
        for (PlannedResource resource : plan.resources()) {
            if (SUBNET.equals(resource.type()) && resource.action() != ResourceAction.DELETE) {
                subnets.add(subnet(resource.properties()));
            }
        }
        return network;
    }

    private static ObjectNode subnet(Map<String, String> properties) {
        ObjectNode subnet = Json.MAPPER.createObjectNode();
        putIfPresent(subnet, "id", properties.get("id"));
        putIfPresent(subnet, "cidr", properties.get("cidr"));
        putIfPresent(subnet, "availabilityZone", properties.get("availabilityZone"));
        subnet.put("mapPublicIpOnLaunch", Boolean.parseBoolean(properties.get("mapPublicIpOnLaunch")));
        return subnet;
    }

    private static ArrayNode securityGroups(Plan plan) {
        ArrayNode groups = Json.MAPPER.createArrayNode();
        for (PlannedResource resource : plan.resources()) {
            if (SECURITY_GROUP.equals(resource.type()) && resource.action() != ResourceAction.DELETE) {
                groups.add(securityGroup(resource, plan.config()));
            }
        }
        return groups;
    }

    /**
     * Describes a security group with the rules the security group bundle creates: in direct mode
     * TCP on every configured port from every configured CIDR, in both modes all traffic from the
     * group itself, and all traffic out.
     */
    private static ObjectNode securityGroup(PlannedResource resource, DeploymentConfig config) {
        String name = resource.properties().getOrDefault("groupName", resource.name());
        String purpose = purpose(resource);
        ObjectNode group = Json.MAPPER.createObjectNode();
        group.put("name", name);
        group.put("purpose", purpose);
        group.set("tags", tags(config.resourceTags()));

        ArrayNode ingress = group.putArray("ingress");
        if (Mode.DIRECT.id().equals(purpose)) {
            for (String cidr : config.ingress().cidrs()) {
                for (Integer port : config.ingress().ports()) {
                    ObjectNode rule = ingress.addObject();
                    rule.put("protocol", "tcp");
                    rule.put("fromPort", port);
                    rule.put("toPort", port);
                    rule.put(cidr.contains(":") ? "ipv6Cidr" : "cidr", cidr);
                }
            }
        }
        ObjectNode intraCluster = allTraffic(ingress.addObject());
        intraCluster.put("sourceGroup", name);

        ArrayNode egress = group.putArray("egress");
        allTraffic(egress.addObject()).put("cidr", "0.0.0.0/0");
        return group;
    }

    /** {@code direct} or {@code proxy}: the {@code purpose} property, else the end of the resource name. */
    private static String purpose(PlannedResource resource) {
        String purpose = resource.properties().get("purpose");
        if (purpose != null) {
            return purpose;
        }
        return resource.name().endsWith(Mode.PROXY.id()) ? Mode.PROXY.id() : Mode.DIRECT.id();
    }

    private static ObjectNode allTraffic(ObjectNode rule) {
        rule.put("protocol", "-1");
        rule.put("fromPort", -1);
        rule.put("toPort", -1);
        return rule;
    }

    private static ArrayNode roles(Plan plan) {
        ArrayNode roles = Json.MAPPER.createArrayNode();
        for (GeneratedRole generated : plan.roles()) {
            ObjectNode role = roles.addObject();
            role.put("kind", generated.kind().id());
            role.put("name", generated.name());
            role.put("path", generated.path());
            role.put("permissionBoundary", generated.permissionBoundary());
            // The platform team attaches the deployer policy to the user or pipeline that runs
            // setup, so Berth creates and tags only the runtime roles.
            role.set("tags", generated.kind().isRuntime()
                    ? tags(plan.config().resourceTags())
                    : Json.MAPPER.createObjectNode());
            role.set("trustPolicy", generated.trustPolicy() == null
                    ? NullNode.getInstance()
                    : parseObject(generated.trustPolicy(), generated.kind().id() + " role trust policy"));
            role.set("policy", parseObject(generated.policy(), generated.kind().id() + " role policy"));
        }
        return roles;
    }

    /**
     * Lists every resource Berth creates or keeps, except security groups and roles, which have
     * sections of their own. Adopted resources belong to the customer and are left out.
     */
    private static ArrayNode otherResources(Plan plan) {
        ArrayNode resources = Json.MAPPER.createArrayNode();
        for (PlannedResource resource : plan.resources()) {
            if (resource.action() == ResourceAction.ADOPT || resource.action() == ResourceAction.DELETE
                    || SECURITY_GROUP.equals(resource.type()) || ROLE.equals(resource.type())) {
                continue;
            }
            ObjectNode entry = resources.addObject();
            entry.put("type", shortType(resource.type()));
            entry.put("name", resource.name());
            entry.set("tags", tags(plan.config().resourceTags()));
        }
        return resources;
    }

    /**
     * Returns the rules' short name of a CloudFormation-style type: its last part in lower case,
     * with a hyphen between words, so {@code AWS::EC2::VPCEndpoint} becomes {@code vpc-endpoint}.
     */
    static String shortType(String type) {
        String last = type.substring(type.lastIndexOf(':') + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            boolean wordStart = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(last.charAt(i - 1))
                    || (i + 1 < last.length() && Character.isLowerCase(last.charAt(i + 1))));
            if (wordStart) {
                out.append('-');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static ArrayNode buckets(DeploymentConfig config) {
        ArrayNode buckets = Json.MAPPER.createArrayNode();
        for (BucketConfig bucket : config.buckets()) {
            ObjectNode entry = buckets.addObject();
            entry.put("name", bucket.name());
            ArrayNode prefixes = entry.putArray("prefixes");
            bucket.prefixes().forEach(prefixes::add);
        }
        return buckets;
    }

    private static ObjectNode tags(Map<String, String> tags) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        new java.util.TreeMap<>(tags).forEach(node::put);
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
