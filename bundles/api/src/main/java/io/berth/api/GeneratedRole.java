package io.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * The IAM documents generated for one role kind.
 *
 * @param kind               the role kind
 * @param name               the role name, with the configured prefix
 * @param path               the role path, such as {@code /berth/}
 * @param trustPolicy        the trust policy as IAM JSON
 * @param policy             the identity policy as IAM JSON; a policy without statements means
 *                           that the role gets no inline policy, because IAM rejects an empty one
 * @param permissionBoundary the ARN of the permission boundary, or null when none is configured
 * @param instanceProfile    the name of the role's instance profile, or null when it has none
 * @param statements         why each statement of {@code policy} is there, in statement order
 */
public record GeneratedRole(
        RoleKind kind,
        String name,
        String path,
        String trustPolicy,
        String policy,
        String permissionBoundary,
        String instanceProfile,
        List<StatementReason> statements) {

    public GeneratedRole {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /** Creates the documents of a role without an instance profile. */
    public GeneratedRole(RoleKind kind, String name, String path, String trustPolicy, String policy,
            String permissionBoundary, List<StatementReason> statements) {
        this(kind, name, path, trustPolicy, policy, permissionBoundary, null, statements);
    }

    /**
     * The reason for one statement of a generated policy.
     *
     * @param sid      the statement id
     * @param reason   why the statement is needed
     * @param scoping  how its resources are narrowed, or why they cannot be
     * @param addition whether the statement goes beyond the baseline permission list
     */
    public record StatementReason(String sid, String reason, String scoping, boolean addition) {
    }
}
