package io.berth.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Actions for which IAM supports no resource-level scoping, so that {@code "Resource": "*"} is the
 * only possible grant. Every EC2 Describe action is one of them. Any action not known here counts
 * as scopable, so that an unknown action on {@code "*"} is flagged rather than let through.
 */
final class UnscopedActions {

    private static final Set<String> ACTIONS = Set.of(
            "sts:getcalleridentity",
            "s3:listallmybuckets",
            "iam:listroles",
            "iam:listpolicies");

    private UnscopedActions() {
    }

    static boolean isUnscoped(String action) {
        String name = action.toLowerCase(Locale.ROOT);
        return name.startsWith("ec2:describe") || ACTIONS.contains(name);
    }

    static boolean isDescribe(String action) {
        return action.toLowerCase(Locale.ROOT).startsWith("ec2:describe");
    }
}
