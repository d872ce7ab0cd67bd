package io.berth.distribution.config;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.AdminConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the {@code admin} section of a parsed config: tokens, audit database, trust and limits. */
final class AdminConfigValidator {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> ROLES = Set.of("viewer", "operator", "admin");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private AdminConfigValidator() {
    }

    static void validate(String source, AdminConfig admin) {
        validateTokens(source, admin.tokens());
        if (admin.database() != null) {
            validateDatabase(source, admin.database());
        }
        validateSha256List(source + ": admin.trust.sha256", admin.trust().sha256());
        positive(source + ": admin.maxBodyBytes", admin.maxBodyBytes());
        positive(source + ": admin.maxBundleBytes", admin.maxBundleBytes());
    }

    private static void validateTokens(String source, List<AdminConfig.Token> tokens) {
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            AdminConfig.Token token = tokens.get(i);
            String field = source + ": admin.tokens[" + i + "]";
            if (token == null) {
                throw new InvalidConfigException(field, "is empty", "give each token a name, a role and a sha256");
            }
            if (token.name() == null || token.name().isBlank()) {
                throw new InvalidConfigException(field + ".name", "is missing",
                        "name who holds the token; the audit log records this name");
            }
            if (!names.add(token.name())) {
                throw new InvalidConfigException(field + ".name", "'" + token.name() + "' is used by two tokens",
                        "give each token its own name, so the audit log tells their holders apart");
            }
            if (token.role() == null || !ROLES.contains(token.role())) {
                throw new InvalidConfigException(field + ".role", "'" + token.role() + "' is not a role",
                        "use viewer, operator or admin");
            }
            if (token.sha256() == null || !SHA256_HEX.matcher(token.sha256()).matches()) {
                throw new InvalidConfigException(field + ".sha256", "is not a hex SHA-256 digest of 64 characters",
                        "put the digest of the token, never the token itself: printf %s \"$TOKEN\" | sha256sum");
            }
            if (!hashes.add(token.sha256().toLowerCase(Locale.ROOT))) {
                throw new InvalidConfigException(field + ".sha256", "is the digest of another token as well",
                        "issue each holder a token of their own");
            }
        }
    }

    private static void validateDatabase(String source, AdminConfig.Database database) {
        String url = database.url();
        if (url == null || !(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"))) {
            throw new InvalidConfigException(source + ": admin.database.url", "'" + url + "' is not a supported JDBC URL",
                    "use jdbc:postgresql://HOST:PORT/DATABASE, or remove admin.database to use the embedded database");
        }
        if (database.passwordEnv() != null && !ENV_NAME.matcher(database.passwordEnv()).matches()) {
            throw new InvalidConfigException(source + ": admin.database.passwordEnv",
                    "'" + database.passwordEnv() + "' is not an environment variable name",
                    "name the variable that contains the password, such as BERTH_AUDIT_DB_PASSWORD");
        }
    }

    private static void validateSha256List(String field, List<String> digests) {
        for (int i = 0; i < digests.size(); i++) {
            String digest = digests.get(i);
            if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
                throw new InvalidConfigException(field + "[" + i + "]", "'" + digest + "' is not a hex SHA-256 digest of 64 characters",
                        "list the digest of the jar file: sha256sum BUNDLE.jar");
            }
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidConfigException(field, value + " is not a positive number of bytes", "use a size such as 1048576");
        }
    }
}
