package io.berth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.GeneratedRole;
import io.berth.api.RoleKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads generated documents as JSON trees, in the shape of {@code berth policies --format json},
 * so that tests can compare them with golden files and look into single statements.
 */
final class PolicyDocuments {

    static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** {@code {"roles": [...]}} with both policies as JSON objects. */
    static ObjectNode toJson(List<GeneratedRole> roles) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("roles");
        for (GeneratedRole role : roles) {
            ObjectNode node = array.addObject();
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
        }
        return root;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the statements of a policy as a list, also where IAM JSON has a single object. */
    static List<JsonNode> statements(String policyJson) {
        return list(parse(policyJson).path("Statement"));
    }

    static JsonNode statement(GeneratedRole role, String sid) {
        return statements(role.policy()).stream()
                .filter(statement -> sid.equals(statement.path("Sid").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(role.kind() + " has no statement " + sid + " in " + role.policy()));
    }

    /** Returns the strings of a value that IAM JSON writes as one string or an array of strings. */
    static List<String> strings(JsonNode node) {
        return list(node).stream().map(JsonNode::asText).toList();
    }

    /** Returns every action the role's identity policy allows. */
    static List<String> actions(GeneratedRole role) {
        return statements(role.policy()).stream().flatMap(statement -> strings(statement.path("Action")).stream()).toList();
    }

    static List<String> actions(List<GeneratedRole> roles, RoleKind kind) {
        return actions(Examples.role(roles, kind));
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node);
        }
        return values;
    }
}
