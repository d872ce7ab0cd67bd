package io.berth.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * IAM permissions a bundle needs for the calls it makes, published so that the policy
 * bundle can grant exactly these and nothing more.
 *
 * @param role       the role that makes the calls
 * @param sid        the statement id, which says the purpose, such as {@code TerminateOwnInstances};
 *                   letters and digits only, as IAM requires
 * @param reason     why the calls are needed, shown to reviewers beside the statement
 * @param scoping    how the resources and conditions narrow the grant, in words, or an empty string
 *                   to let the policy bundle describe it
 * @param actions    IAM actions such as {@code ec2:RunInstances}
 * @param resources  resource ARN patterns; {@code *} only for actions with no resource-level scoping
 * @param conditions conditions that narrow the grant further
 */
public record PermissionRequirement(
        RoleKind role,
        String sid,
        String reason,
        String scoping,
        List<String> actions,
        List<String> resources,
        List<Condition> conditions) {

    public PermissionRequirement {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sid, "sid");
        reason = reason == null ? "" : reason;
        scoping = scoping == null ? "" : scoping;
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

    /** Creates a requirement with no scoping note. */
    public PermissionRequirement(RoleKind role, String sid, String reason, List<String> actions,
            List<String> resources, List<Condition> conditions) {
        this(role, sid, reason, "", actions, resources, conditions);
    }

    /** Starts a requirement of the given role and statement id. */
    public static Builder builder(RoleKind role, String sid) {
        return new Builder(role, sid);
    }

    /** Collects the parts of a requirement, so that call sites name each part. */
    public static final class Builder {
        private final RoleKind role;
        private final String sid;
        private String reason = "";
        private String scoping = "";
        private final List<String> actions = new ArrayList<>();
        private final List<String> resources = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(RoleKind role, String sid) {
            this.role = role;
            this.sid = sid;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder scoping(String scoping) {
            this.scoping = scoping;
            return this;
        }

        public Builder actions(String... actions) {
            this.actions.addAll(List.of(actions));
            return this;
        }

        public Builder resources(String... resources) {
            this.resources.addAll(List.of(resources));
            return this;
        }

        public Builder resources(List<String> resources) {
            this.resources.addAll(resources);
            return this;
        }

        public Builder conditions(Condition... conditions) {
            this.conditions.addAll(List.of(conditions));
            return this;
        }

        public Builder conditions(List<Condition> conditions) {
            this.conditions.addAll(conditions);
            return this;
        }

        public PermissionRequirement build() {
            return new PermissionRequirement(role, sid, reason, scoping, actions, resources, conditions);
        }
    }
}
