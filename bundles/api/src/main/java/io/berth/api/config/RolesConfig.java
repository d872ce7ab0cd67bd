package io.berth.api.config;

/**
 * How the generated roles are named and bounded.
 *
 * @param path               the IAM path of every role, such as {@code /berth/}
 * @param namePrefix         prefixed to every role name, such as {@code berth-}
 * @param permissionBoundary the ARN of a managed policy attached as boundary to every role, or null
 */
public record RolesConfig(String path, String namePrefix, String permissionBoundary) {
    public static final RolesConfig DEFAULT = new RolesConfig(null, null, null);

    public RolesConfig {
        path = path == null ? DEFAULT_PATH : path;
        namePrefix = namePrefix == null ? DEFAULT_PREFIX : namePrefix;
    }

    private static final String DEFAULT_PATH = "/berth/";
    private static final String DEFAULT_PREFIX = "berth-";
}
