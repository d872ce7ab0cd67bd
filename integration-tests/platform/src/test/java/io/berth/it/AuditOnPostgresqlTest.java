package io.berth.it;

import static io.berth.it.BerthProcess.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log in PostgreSQL. Runs only when BERTH_TEST_POSTGRESQL_URL names a database the
 * test may write to, such as jdbc:postgresql://127.0.0.1:5432/berth_test, with the user in
 * BERTH_TEST_POSTGRESQL_USER and the password in BERTH_TEST_POSTGRESQL_PASSWORD.
 */
@EnabledIfEnvironmentVariable(named = "BERTH_TEST_POSTGRESQL_URL", matches = "jdbc:postgresql:.+")
class AuditOnPostgresqlTest {

    @TempDir
    Path workDir;

    @Test
    void auditLogIsStoredInPostgresqlAcrossRestarts() throws Exception {
        ServerConfig config = ServerConfig.standard()
                .admin("database: { url: \"" + System.getenv("BERTH_TEST_POSTGRESQL_URL") + "\", username: \""
                        + System.getenv().getOrDefault("BERTH_TEST_POSTGRESQL_USER", "berth")
                        + "\", passwordEnv: BERTH_AUDIT_DB_PASSWORD }")
                .environment("BERTH_AUDIT_DB_PASSWORD", System.getenv().getOrDefault("BERTH_TEST_POSTGRESQL_PASSWORD", ""));
        Path deployDir = Files.createDirectories(workDir.resolve("deploy"));
        String path = "/api/v1/clusters/" + UUID.randomUUID();

        try (BerthProcess server = BerthProcess.serve(workDir, deployDir, config)) {
            assertEquals(401, server.send("DELETE", path, null, HttpRequest.BodyPublishers.noBody(), null).statusCode());
        }
        Path restartDir = Files.createDirectories(workDir.resolve("second"));
        try (BerthProcess server = BerthProcess.serve(restartDir, deployDir, config)) {
            JsonNode found = null;
            for (JsonNode event : server.audit()) {
                if (path.equals(event.get("path").asText())) {
                    found = event;
                }
            }
            assertEquals("unauthenticated", found == null ? null : found.get("outcome").asText());
            assertEquals(false, Files.exists(restartDir.resolve(".berth/audit.mv.db")), "the embedded database was used");
        }
    }
}
