package io.berth.distribution.admin;

import java.util.List;
import java.util.Set;

/**
 * The role each admin API request needs, from its HTTP method and path. The first rule that
 * matches decides; a request that changes something on a path no rule names needs {@code admin},
 * so a new endpoint is closed until a rule here opens it to a lower role.
 */
public final class RoleTable {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ANY = Set.of();

    private record Rule(Set<String> methods, String collection, Role role) {
        boolean matches(String method, String path) {
            return (methods == ANY || methods.contains(method)) && (collection == null || within(path, collection));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(READS, "/api/v1/audit", Role.ADMIN),
            new Rule(READS, null, Role.VIEWER),
            // A check evaluates policy documents and creates nothing, so viewers may run it.
            new Rule(Set.of("POST"), "/api/v1/checks", Role.VIEWER),
            new Rule(ANY, "/api/v1/bundles", Role.ADMIN),
            new Rule(ANY, "/api/v1/deployments", Role.OPERATOR),
            new Rule(ANY, "/api/v1/clusters", Role.OPERATOR),
            new Rule(ANY, "/api/v1/reaper", Role.OPERATOR),
            new Rule(ANY, null, Role.ADMIN));

    private RoleTable() {
    }

    /**
     * Returns the lowest role allowed to make the request.
     *
     * @param method the HTTP method in upper case
     * @param path   the normalized request path, such as {@code /api/v1/bundles/io.berth.fleet}
     */
    public static Role requiredRole(String method, String path) {
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return rule.role();
            }
        }
        throw new IllegalStateException("the last rule matches every request");
    }

    /** Whether the request changes something, by its method; such requests are always audited. */
    public static boolean isMutating(String method) {
        return !READS.contains(method);
    }

    private static boolean within(String path, String collection) {
        return path.equals(collection) || path.startsWith(collection + "/");
    }
}
