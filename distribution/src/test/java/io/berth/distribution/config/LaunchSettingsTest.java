package io.berth.distribution.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSettingsTest {

    private static final String BASE = """
            deployment: analytics
            region: eu-west-1
            network:
              managed: { cidr: 10.42.0.0/16 }
            """;

    @TempDir
    Path dir;

    private Path config(String admin) throws IOException {
        return Files.writeString(dir.resolve("berth.yaml"), BASE + admin);
    }

    private Map<String, String> serve(Path config, Map<String, String> environment) {
        return LaunchSettings.forCommandLine(new String[] {"serve", "--config", config.toString()},
                Map.of("berth.data-dir", dir.resolve("data").toString()), environment);
    }

    @Test
    void serveDefaultsToEmbeddedDatabaseInDataFolder() throws IOException {
        Map<String, String> settings = serve(config(""), Map.of());

        assertEquals("true", settings.get("quarkus.datasource.embedded.active"));
        assertEquals("false", settings.get("quarkus.datasource.postgresql.active"));
        assertEquals("jdbc:h2:file:" + dir.resolve("data/audit"), settings.get("quarkus.datasource.embedded.jdbc.url"));
        assertEquals(dir.resolve("berth.yaml").toString(), settings.get("berth.config"));
    }

    @Test
    void postgresqlUrlActivatesPostgresqlWithPasswordFromEnvironment() throws IOException {
        Path config = config("""
                admin:
                  database: { url: "jdbc:postgresql://127.0.0.1:5432/berth", username: berth, passwordEnv: AUDIT_PW }
                """);

        Map<String, String> settings = serve(config, Map.of("AUDIT_PW", "s3cret"));

        assertEquals("false", settings.get("quarkus.datasource.embedded.active"));
        assertEquals("true", settings.get("quarkus.datasource.postgresql.active"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/berth", settings.get("quarkus.datasource.postgresql.jdbc.url"));
        assertEquals("berth", settings.get("quarkus.datasource.postgresql.username"));
        assertEquals("s3cret", settings.get("quarkus.datasource.postgresql.password"));
    }

    @Test
    void missingPasswordVariableIsConfigError() throws IOException {
        Path config = config("""
                admin:
                  database: { url: "jdbc:postgresql://127.0.0.1:5432/berth", passwordEnv: AUDIT_PW }
                """);

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> serve(config, Map.of()));

        assertTrue(error.field().endsWith("admin.database.passwordEnv"), error.field());
        assertTrue(error.getMessage().contains("AUDIT_PW is not set"), error.getMessage());
    }

    @Test
    void missingTrustedCertificateIsConfigError() throws IOException {
        Path config = config("admin: { trust: { certificates: [absent.pem] } }\n");

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> serve(config, Map.of()));

        assertEquals("admin.trust.certificates[0]", error.field());
        assertTrue(error.getMessage().contains("file not found: " + dir.resolve("absent.pem")), error.getMessage());
    }

    @Test
    void httpBodyLimitIsAboveConfiguredLimits() throws IOException {
        Map<String, String> settings = serve(config("admin: { maxBundleBytes: 1000 }\n"), Map.of());

        assertEquals(Long.toString(1_048_576 + 1_048_576), settings.get("quarkus.http.limits.max-body-size"));
    }

    @Test
    void otherCommandsOpenNoDatabase() {
        Map<String, String> settings = LaunchSettings.forCommandLine(new String[] {"bundles"}, Map.of(), Map.of());

        assertEquals("false", settings.get("quarkus.datasource.embedded.active"));
        assertEquals("false", settings.get("quarkus.datasource.postgresql.active"));
        assertFalse(settings.containsKey("berth.config"));
    }

    @Test
    void configOptionIsFoundInBothForms() {
        assertEquals("a.yaml", LaunchSettings.configOption(new String[] {"bundles", "--config", "a.yaml"}).orElseThrow());
        assertEquals("b.yaml", LaunchSettings.configOption(new String[] {"serve", "--config=b.yaml"}).orElseThrow());
        assertTrue(LaunchSettings.configOption(new String[] {"serve"}).isEmpty());
    }

    @Test
    void dataFolderPrecedence() {
        assertEquals(Path.of("/srv/berth"), LaunchSettings.dataDir(Map.of("berth.data-dir", "/srv/berth"), Map.of("BERTH_DATA_DIR", "/x")));
        assertEquals(Path.of("/x"), LaunchSettings.dataDir(Map.of(), Map.of("BERTH_DATA_DIR", "/x")));
        assertEquals(Path.of(".berth").toAbsolutePath(), LaunchSettings.dataDir(Map.of(), Map.of()));
    }
}
