package io.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * IAM permissions a bundle needs for the calls it makes, published so that the policy
 * bundle can grant exactly these and nothing more.
 *
 * @param role       the role that makes the calls
 * @param sid        the statement id, which says the purpose, such as {@code TerminateOwnInstances}
 * @param reason     why the calls are needed, shown to reviewers beside the statement
 * @param actions    IAM actions such as {@code ec2:RunInstances}
 * @param resources  resource ARN patterns; {@code *} only for actions with no resource-level scoping
 * @param conditions conditions that narrow the grant further
 */
public record PermissionRequirement(
        RoleKind role,
        String sid,
        String reason,
        List<String> actions,
        List<String> resources,
        List<Condition> conditions) {

    public PermissionRequirement {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sid, "sid");
        reason = reason == null ? "" : reason;
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("permission requirement " + sid + " names no action");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("permission requirement " + sid + " names no resource");
        }
    }
}
