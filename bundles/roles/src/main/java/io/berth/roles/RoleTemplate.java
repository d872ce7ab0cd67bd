package io.berth.roles;

import static io.berth.api.IntrinsicFunctions.getAtt;
import static io.berth.api.IntrinsicFunctions.ref;

import io.berth.api.DeploymentContext;
import io.berth.api.GeneratedRole;
import io.berth.api.RoleKind;
import io.berth.api.TemplateContext;
import io.berth.api.TemplateFragment;
import io.berth.api.TemplateOutput;
import io.berth.api.TemplateResource;
import io.berth.api.config.DeploymentConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The runtime roles and the worker instance profile as CloudFormation resources, from the same
 * generated documents that {@link RuntimeRoles} puts on the roles, with the same names, path,
 * inline policy name, boundary and tags.
 *
 * <p>CloudFormation's {@code AWS::IAM::InstanceProfile} takes no tags, so a stack's instance
 * profile is untagged where apply tags it; status and destroy find it by its name.
 */
final class RoleTemplate {

    static final String INSTANCE_PROFILE = "WorkerInstanceProfile";

    private RoleTemplate() {
    }

    static TemplateFragment of(TemplateContext context) {
        DeploymentConfig config = context.config();
        List<TemplateResource> resources = new ArrayList<>();
        List<TemplateOutput> outputs = new ArrayList<>();
        Map<String, Object> references = new LinkedHashMap<>();

        for (GeneratedRole role : context.roles().stream().filter(role -> role.kind().isRuntime()).toList()) {
            String roleId = logicalId(role.kind());
            resources.add(role(config, role));
            outputs.add(new TemplateOutput(roleId + "Arn", "the ARN of the " + role.kind() + " role", getAtt(roleId, "Arn")));
            if (role.kind() == RoleKind.WORKER && role.instanceProfile() != null) {
                resources.add(instanceProfile(role, roleId));
                outputs.add(new TemplateOutput(INSTANCE_PROFILE + "Arn", "the ARN of the worker instance profile",
                        getAtt(INSTANCE_PROFILE, "Arn")));
                references.put(DeploymentContext.WORKER_INSTANCE_PROFILE_ARN, getAtt(INSTANCE_PROFILE, "Arn"));
            }
        }
        return new TemplateFragment(List.of(), resources, outputs, references);
    }

    /** Returns the logical id of a role kind's role, such as {@code UserInitiatedRole} for {@code user-initiated}. */
    static String logicalId(RoleKind kind) {
        StringBuilder id = new StringBuilder();
        for (String word : kind.id().split("-")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.append("Role").toString();
    }

    private static TemplateResource role(DeploymentConfig config, GeneratedRole role) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("RoleName", role.name());
        properties.put("Path", role.path());
        properties.put("Description", RuntimeRoles.description(config, role.kind()));
        properties.put("AssumeRolePolicyDocument", document(role.trustPolicy()));
        if (!RuntimeRoles.isEmpty(role.policy())) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("PolicyName", RuntimeRoles.POLICY_NAME);
            policy.put("PolicyDocument", document(role.policy()));
            properties.put("Policies", List.of(policy));
        }
        if (role.permissionBoundary() != null) {
            properties.put("PermissionsBoundary", role.permissionBoundary());
        }
        properties.put("Tags", TemplateResource.tags(config.resourceTags()));
        return new TemplateResource(logicalId(role.kind()), "AWS::IAM::Role", properties);
    }

    private static TemplateResource instanceProfile(GeneratedRole worker, String roleId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("InstanceProfileName", worker.instanceProfile());
        properties.put("Path", worker.path());
        properties.put("Roles", List.of(ref(roleId)));
        return new TemplateResource(INSTANCE_PROFILE, "AWS::IAM::InstanceProfile", properties);
    }

    /** Returns an IAM JSON document as maps, lists and strings, in the document's order. */
    static Object document(String json) {
        return value(JsonNode.parser().parse(json));
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            node.asObject().forEach((key, child) -> object.put(key, value(child)));
            return object;
        }
        if (node.isArray()) {
            return node.asArray().stream().map(RoleTemplate::value).toList();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }
}
