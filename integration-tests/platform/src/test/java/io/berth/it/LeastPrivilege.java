package io.berth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The generated policies, in the form moto can enforce. moto checks the actions of a policy, and
 * compares EC2 Resource elements with "*" only, so the copy given to moto keeps every action and
 * widens Resource to "*"; the scoping itself is tested on the documents.
 */
final class LeastPrivilege {

    private LeastPrivilege() {
    }

    static JsonNode generatedPolicy(Path workDir, Path config, String roleKind) throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "policies", "--config", config.toString(),
                "--role", roleKind, "--format", "json");
        if (result.exitCode() != 0) {
            throw new AssertionError("berth policies failed: " + result.stderr());
        }
        return BerthProcess.JSON.readTree(result.stdout()).get("roles").get(0).get("policy");
    }

    /** Returns the deployer policy with Resource widened to "*", Conditions dropped and the given actions removed. */
    static String actionOnlyDeployerPolicy(Path workDir, Path config, List<String> withoutActions) throws Exception {
        return actionOnlyPolicy(workDir, config, "deployer", withoutActions);
    }

    /** Returns the policy of a role kind, such as {@code user-initiated}, with Resource widened to "*" and Conditions dropped. */
    static String actionOnlyPolicy(Path workDir, Path config, String roleKind, List<String> withoutActions) throws Exception {
        ObjectNode policy = (ObjectNode) generatedPolicy(workDir, config, roleKind).deepCopy();
        ArrayNode statements = BerthProcess.JSON.createArrayNode();
        for (JsonNode statement : statements(policy)) {
            ObjectNode copy = ((ObjectNode) statement).deepCopy();
            copy.remove("Condition");
            copy.put("Resource", "*");
            ArrayNode actions = BerthProcess.JSON.createArrayNode();
            actionsOf(statement).stream().filter(action -> !withoutActions.contains(action)).forEach(actions::add);
            if (!actions.isEmpty()) {
                copy.set("Action", actions);
                statements.add(copy);
            }
        }
        policy.set("Statement", statements);
        return BerthProcess.JSON.writeValueAsString(policy);
    }

    static Set<String> grantedActions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : statements(policy)) {
            if ("Allow".equals(statement.path("Effect").asText())) {
                actions.addAll(actionsOf(statement));
            }
        }
        return actions;
    }

    private static Iterable<JsonNode> statements(JsonNode policy) {
        JsonNode statements = policy.get("Statement");
        return statements.isArray() ? statements : List.of(statements);
    }

    private static List<String> actionsOf(JsonNode statement) {
        JsonNode action = statement.get("Action");
        if (action.isTextual()) {
            return List.of(action.asText());
        }
        java.util.List<String> actions = new java.util.ArrayList<>();
        action.forEach(item -> actions.add(item.asText()));
        return actions;
    }
}
