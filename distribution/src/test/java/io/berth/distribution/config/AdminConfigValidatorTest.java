package io.berth.distribution.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.AdminConfig;
import io.berth.api.config.DeploymentConfig;
import org.junit.jupiter.api.Test;

class AdminConfigValidatorTest {

    private static final String DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static DeploymentConfig parse(String admin) {
        DeploymentConfig config = ConfigLoader.parse("berth.yaml", """
                deployment: analytics
                region: eu-west-1
                network:
                  managed: { cidr: 10.42.0.0/16 }
                """ + admin);
        ConfigValidator.validate("berth.yaml", config);
        return config;
    }

    private static String rejectedField(String admin) {
        return assertThrows(InvalidConfigException.class, () -> parse(admin)).field();
    }

    @Test
    void readsFullAdminSection() {
        AdminConfig admin = parse("""
                admin:
                  tokens: [{ name: ada, role: admin, sha256: %s }]
                  database: { url: "jdbc:postgresql://127.0.0.1/berth", username: berth, passwordEnv: PW }
                  trust: { certificates: [signer.pem], sha256: [%s] }
                  maxBodyBytes: 4096
                  maxBundleBytes: 8192
                """.formatted(DIGEST, DIGEST)).admin();

        assertEquals("ada", admin.tokens().get(0).name());
        assertEquals("jdbc:postgresql://127.0.0.1/berth", admin.database().url());
        assertEquals("signer.pem", admin.trust().certificates().get(0));
        assertEquals(4096L, admin.maxBodyBytes());
        assertEquals(8192L, admin.maxBundleBytes());
    }

    @Test
    void defaultsWithoutAdminSection() {
        AdminConfig admin = parse("").admin();

        assertEquals(0, admin.tokens().size());
        assertEquals(null, admin.database());
        assertEquals(0, admin.trust().sha256().size());
        assertEquals(AdminConfig.DEFAULT_MAX_BODY_BYTES, admin.maxBodyBytes());
        assertEquals(AdminConfig.DEFAULT_MAX_BUNDLE_BYTES, admin.maxBundleBytes());
    }

    @Test
    void rejectsUnknownRole() {
        assertEquals("berth.yaml: admin.tokens[0].role",
                rejectedField("admin: { tokens: [{ name: ada, role: root, sha256: %s }] }".formatted(DIGEST)));
    }

    @Test
    void rejectsTokenInsteadOfDigest() {
        assertEquals("berth.yaml: admin.tokens[0].sha256",
                rejectedField("admin: { tokens: [{ name: ada, role: admin, sha256: my-secret-token }] }"));
    }

    @Test
    void rejectsDuplicateTokenNames() {
        assertEquals("berth.yaml: admin.tokens[1].name", rejectedField("""
                admin:
                  tokens:
                    - { name: ada, role: admin, sha256: %s }
                    - { name: ada, role: viewer, sha256: %s }
                """.formatted(DIGEST, DIGEST.replace('9', '8'))));
    }

    @Test
    void rejectsUnsupportedDatabaseUrl() {
        assertEquals("berth.yaml: admin.database.url", rejectedField("admin: { database: { url: 'jdbc:mysql://db/berth' } }"));
    }

    @Test
    void rejectsMalformedTrustedDigest() {
        assertEquals("berth.yaml: admin.trust.sha256[0]", rejectedField("admin: { trust: { sha256: [abc] } }"));
    }

    @Test
    void rejectsUnknownAdminKey() {
        assertEquals("berth.yaml: admin.tokenz", rejectedField("admin: { tokenz: [] }"));
    }

    @Test
    void rejectsNonPositiveLimit() {
        assertEquals("berth.yaml: admin.maxBodyBytes", rejectedField("admin: { maxBodyBytes: 0 }"));
    }
}
