package io.berth.distribution.admin;

import io.berth.api.config.AdminConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the holder of a bearer token by the token's SHA-256, as listed in {@code admin.tokens}.
 * Tokens themselves are never stored, logged or compared: only their digests, in constant time.
 */
public final class TokenAuthenticator {

    private static final String BEARER = "bearer ";

    private record Entry(Caller caller, byte[] sha256) {
    }

    private final List<Entry> entries;

    public TokenAuthenticator(List<AdminConfig.Token> tokens) {
        this.entries = tokens.stream()
                .map(token -> new Entry(new Caller(token.name(), Role.fromId(token.role())),
                        HexFormat.of().parseHex(token.sha256().toLowerCase(Locale.ROOT))))
                .toList();
    }

    /** Returns whether any token is configured. With none, every request is unauthenticated. */
    public boolean hasTokens() {
        return !entries.isEmpty();
    }

    public Optional<Caller> authenticate(String token) {
        byte[] digest = sha256(token.getBytes(StandardCharsets.UTF_8));
        Caller found = null;
        // Every entry is compared, so the time taken does not tell which entry matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(digest, entry.sha256()) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Returns the token of an {@code Authorization: Bearer TOKEN} header, or empty for any other header. */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
