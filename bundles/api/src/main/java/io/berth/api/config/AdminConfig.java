package io.berth.api.config;

import java.util.List;

/**
 * Settings of the admin server, {@code berth serve}.
 *
 * @param tokens         the bearer tokens it accepts
 * @param database       where the audit log is stored; the embedded database when null
 * @param trust          which bundle jars may be installed, over the API or from the deploy folder
 * @param maxBodyBytes   the maximum size of a request body other than a bundle jar, in bytes
 * @param maxBundleBytes the maximum size of an uploaded bundle jar, in bytes
 */
public record AdminConfig(List<Token> tokens, Database database, Trust trust, Long maxBodyBytes, Long maxBundleBytes) {

    /** The default maximum size of a JSON request body: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    /** The default maximum size of an uploaded bundle: 64 MiB, room for the AWS SDK bundle (about 27 MB). */
    public static final long DEFAULT_MAX_BUNDLE_BYTES = 64L << 20;

    public AdminConfig {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        trust = trust == null ? new Trust(List.of(), List.of()) : trust;
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        maxBundleBytes = maxBundleBytes == null ? DEFAULT_MAX_BUNDLE_BYTES : maxBundleBytes;
    }

    /** Creates settings with tokens only: the embedded audit database, no trusted bundles and default limits. */
    public AdminConfig(List<Token> tokens) {
        this(tokens, null, null, null, null);
    }

    /**
     * @param name   who holds the token, as recorded in the audit log
     * @param role   {@code viewer}, {@code operator} or {@code admin}
     * @param sha256 the hex SHA-256 of the token; the token itself is never stored
     */
    public record Token(String name, String role, String sha256) {
    }

    /**
     * The audit log's database.
     *
     * @param url         a JDBC URL: {@code jdbc:postgresql://...}, or {@code jdbc:h2:...} for another embedded file
     * @param username    the database user, or null
     * @param passwordEnv the name of the environment variable that contains the password, or null; the
     *                    password itself never appears in the config file
     */
    public record Database(String url, String username, String passwordEnv) {
    }

    /**
     * Bundle jars the admin server installs. A jar is trusted when it is signed by one of the
     * certificates or when its SHA-256 is listed; with both lists empty, nothing is trusted.
     *
     * @param certificates paths of PEM files with X.509 signing certificates, relative to the config file
     * @param sha256       hex SHA-256 digests of allowed jar files
     */
    public record Trust(List<String> certificates, List<String> sha256) {
        public Trust {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
            sha256 = sha256 == null ? List.of() : List.copyOf(sha256);
        }
    }
}
