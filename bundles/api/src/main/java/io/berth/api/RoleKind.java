package io.berth.api;

import java.util.Arrays;

/** The IAM roles Berth generates documents for, by the name used in configs, JSON and the CLI. */
public enum RoleKind {
    /** Whoever runs {@code berth apply} and {@code berth destroy}. */
    DEPLOYER("deployer"),
    /** Starts worker clusters on a user's request. */
    USER_INITIATED("user-initiated"),
    /** Terminates forgotten clusters with no user present. */
    UNATTENDED("unattended"),
    /** Runs on the worker instances and reads and writes the configured buckets. */
    WORKER("worker");

    private final String id;

    RoleKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the role is assumed at run time rather than used to set the deployment up. */
    public boolean isRuntime() {
        return this != DEPLOYER;
    }

    public static RoleKind fromId(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role kind '" + id
                        + "': expected one of deployer, user-initiated, unattended, worker"));
    }

    @Override
    public String toString() {
        return id;
    }
}
