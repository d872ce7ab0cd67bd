package io.berth.distribution.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.GeneratedRole;
import java.util.List;

/**
 * The JSON form of generated documents: {@code {"roles": [{"kind", "name", "path", "trustPolicy",
 * "policy", "permissionBoundary", "instanceProfile", "reasons"}]}}, with both policies as IAM JSON
 * objects rather than strings. {@code berth policies --format json} and the admin API share it.
 */
public final class PolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {
    }

    public static ObjectNode roles(List<GeneratedRole> roles) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("roles");
        roles.forEach(role -> array.add(role(role)));
        return root;
    }

    public static ObjectNode role(GeneratedRole role) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", role.kind().id());
        node.put("name", role.name());
        node.put("path", role.path());
        node.set("trustPolicy", parse(role.trustPolicy()));
        node.set("policy", parse(role.policy()));
        node.put("permissionBoundary", role.permissionBoundary());
        node.put("instanceProfile", role.instanceProfile());
        ArrayNode reasons = node.putArray("reasons");
        for (GeneratedRole.StatementReason reason : role.statements()) {
            reasons.addObject()
                    .put("sid", reason.sid())
                    .put("reason", reason.reason())
                    .put("scoping", reason.scoping())
                    .put("addition", reason.addition());
        }
        return node;
    }

    public static String toPrettyString(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("failed to write a JSON tree", e);
        }
    }

    /** Parses IAM JSON that the policy bundle generated, and keeps a missing trust policy null. */
    static JsonNode parse(String policyJson) {
        if (policyJson == null) {
            return MAPPER.nullNode();
        }
        try {
            return MAPPER.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the policy bundle generated invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
