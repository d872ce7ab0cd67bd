package io.berth.distribution.platform;

import java.time.Instant;

/**
 * A jar that was found but not installed, because it is not trusted or not a bundle.
 *
 * @param file         the jar file's path
 * @param origin       where it was found: {@code deploy-folder} or {@code uploaded}
 * @param symbolicName its {@code Bundle-SymbolicName}, or null when it is not a bundle
 * @param sha256       the hex SHA-256 of the file, to allow-list it in {@code admin.trust.sha256} once reviewed
 * @param reason       why it was not installed
 * @param at           when it was rejected
 */
public record RejectedBundle(String file, String origin, String symbolicName, String sha256, String reason, Instant at) {
}
