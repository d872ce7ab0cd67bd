package io.berth.distribution.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.config.AdminConfig;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    private static String sha256(String token) {
        return HexFormat.of().formatHex(TokenAuthenticator.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private final TokenAuthenticator tokens = new TokenAuthenticator(List.of(
            new AdminConfig.Token("vera", "viewer", sha256("t-viewer")),
            new AdminConfig.Token("ada", "admin", sha256("t-admin").toUpperCase())));

    @Test
    void findsHolderByTokenDigest() {
        assertEquals(Optional.of(new Caller("vera", Role.VIEWER)), tokens.authenticate("t-viewer"));
        assertEquals(Optional.of(new Caller("ada", Role.ADMIN)), tokens.authenticate("t-admin"));
    }

    @Test
    void rejectsUnknownToken() {
        assertTrue(tokens.authenticate("t-unknown").isEmpty());
        assertTrue(tokens.authenticate(sha256("t-viewer")).isEmpty(), "the digest itself must not work as a token");
    }

    @Test
    void readsBearerHeader() {
        assertEquals(Optional.of("abc"), TokenAuthenticator.bearerToken("Bearer abc"));
        assertEquals(Optional.of("abc"), TokenAuthenticator.bearerToken("bearer  abc "));
        assertTrue(TokenAuthenticator.bearerToken("Basic YWRhOnB3").isEmpty());
        assertTrue(TokenAuthenticator.bearerToken("Bearer ").isEmpty());
        assertTrue(TokenAuthenticator.bearerToken(null).isEmpty());
    }

    @Test
    void noTokensMeansNothingAuthenticates() {
        TokenAuthenticator none = new TokenAuthenticator(List.of());
        assertFalse(none.hasTokens());
        assertTrue(none.authenticate("anything").isEmpty());
    }
}
