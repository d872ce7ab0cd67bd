package io.berth.distribution.policies;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.GeneratedRole;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text form of generated documents, for security reviewers: per role its name, path,
 * boundary and trust policy, then each statement with its actions, resources, conditions, the
 * reason it exists and how it is scoped. Statements beyond the baseline lists are marked.
 */
public final class PolicyReport {

    private static final String INDENT = "    ";

    private PolicyReport() {
    }

    public static void print(DeploymentConfig config, PolicyDocuments.Generated documents, PrintWriter out) {
        out.printf("IAM documents of deployment %s in %s, account %s%n", config.deployment(), config.region(),
                config.accountId() == null
                        ? ResourceNames.ACCOUNT_VARIABLE + " (accountId is not set; apply looks it up)"
                        : config.accountId());
        out.printf("Generated from the active bundles: %s%n", String.join(", ", documents.providers()));
        for (GeneratedRole role : documents.roles()) {
            out.println();
            printRole(role, out);
        }
        out.flush();
    }

    private static void printRole(GeneratedRole role, PrintWriter out) {
        out.printf("Role %s: %s%n", role.kind().id(), role.name());
        out.printf("  Path:                %s%n", role.path());
        out.printf("  Permission boundary: %s%n", role.permissionBoundary() == null ? "none" : role.permissionBoundary());
        if (role.instanceProfile() != null) {
            out.printf("  Instance profile:    %s%n", role.instanceProfile());
        }

        out.println("  Trust policy:");
        for (JsonNode statement : statements(PolicyJson.parse(role.trustPolicy()))) {
            out.printf("%s%s: %s may call %s%s%n", INDENT, statement.path("Sid").asText("(no Sid)"),
                    principals(statement.path("Principal")), String.join(", ", strings(statement.path("Action"))),
                    conditionSuffix(statement.path("Condition")));
        }

        List<JsonNode> statements = statements(PolicyJson.parse(role.policy()));
        if (statements.isEmpty()) {
            out.println("  Statements: none, so the role gets no inline policy");
            if (role.kind() == RoleKind.WORKER) {
                out.println("  Warning:    workers cannot read data, because no bucket is configured; add them under buckets");
            }
            return;
        }
        out.println("  Statements:");
        for (int i = 0; i < statements.size(); i++) {
            GeneratedRole.StatementReason reason = i < role.statements().size() ? role.statements().get(i) : null;
            printStatement(statements.get(i), reason, out);
        }
    }

    private static void printStatement(JsonNode statement, GeneratedRole.StatementReason reason, PrintWriter out) {
        boolean addition = reason != null && reason.addition();
        out.printf("%s%s%s%n", INDENT, statement.path("Sid").asText("(no Sid)"),
                addition ? "  [addition: beyond the baseline permission list]" : "");
        out.printf("%s  Actions:    %s%n", INDENT, String.join(", ", strings(statement.path("Action"))));
        out.printf("%s  Resources:  %s%n", INDENT, String.join(", ", strings(statement.path("Resource"))));
        List<String> conditions = conditions(statement.path("Condition"));
        out.printf("%s  Conditions: %s%n", INDENT, conditions.isEmpty() ? "none" : String.join("; ", conditions));
        if (reason != null) {
            out.printf("%s  Reason:     %s%n", INDENT, reason.reason());
            out.printf("%s  Scoping:    %s%n", INDENT, reason.scoping());
        }
    }

    private static String principals(JsonNode principal) {
        if (principal.isTextual()) {
            return principal.asText();
        }
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> types = principal.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            String label = "AWS".equals(type.getKey()) ? "" : type.getKey().toLowerCase(java.util.Locale.ROOT) + " ";
            strings(type.getValue()).forEach(id -> names.add(label + id));
        }
        return String.join(", ", names);
    }

    private static String conditionSuffix(JsonNode condition) {
        List<String> conditions = conditions(condition);
        return conditions.isEmpty() ? "" : " when " + String.join(" and ", conditions);
    }

    /** Writes each condition as {@code key Operator value}, with alternative values joined by "or". */
    private static List<String> conditions(JsonNode condition) {
        List<String> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> operators = condition.fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                conditions.add(key.getKey() + " " + operator.getKey() + " " + String.join(" or ", strings(key.getValue())));
            }
        }
        return conditions;
    }

    /** Returns the statements of a policy as a list, also where IAM JSON has a single object. */
    private static List<JsonNode> statements(JsonNode policy) {
        return nodes(policy.path("Statement"));
    }

    /** Returns the strings of a value that IAM JSON writes as one string or an array of strings. */
    private static List<String> strings(JsonNode value) {
        return nodes(value).stream().map(JsonNode::asText).toList();
    }

    private static List<JsonNode> nodes(JsonNode value) {
        List<JsonNode> nodes = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(nodes::add);
        } else if (!value.isMissingNode() && !value.isNull()) {
            nodes.add(value);
        }
        return nodes;
    }
}
