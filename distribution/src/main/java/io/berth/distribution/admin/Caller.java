package io.berth.distribution.admin;

/**
 * The holder of a valid bearer token.
 *
 * @param name the token's name from {@code admin.tokens}, recorded in the audit log
 * @param role what the token may do
 */
public record Caller(String name, Role role) {
}
