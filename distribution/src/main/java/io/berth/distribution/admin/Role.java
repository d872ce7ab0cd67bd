package io.berth.distribution.admin;

import java.util.Locale;

/** What a token holder may do on the admin API; each role may do everything the roles before it may. */
public enum Role {
    /** Reads: bundles, providers, deployments, clusters, policies; runs checks. */
    VIEWER,
    /** Also plans, applies, destroys, starts and stops clusters, and runs the reaper. */
    OPERATOR,
    /** Also installs and removes bundles and reads the audit log. */
    ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role's name as written in {@code berth.yaml}, such as {@code operator}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
