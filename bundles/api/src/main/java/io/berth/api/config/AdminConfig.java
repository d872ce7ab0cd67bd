package io.berth.api.config;

import java.util.List;

/**
 * Settings of the admin server, {@code berth serve}.
 *
 * @param tokens the bearer tokens it accepts
 */
public record AdminConfig(List<Token> tokens) {
    public AdminConfig {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /**
     * @param name   who holds the token, as recorded in the audit log
     * @param role   {@code viewer}, {@code operator} or {@code admin}
     * @param sha256 the hex SHA-256 of the token; the token itself is never stored
     */
    public record Token(String name, String role, String sha256) {
    }
}
