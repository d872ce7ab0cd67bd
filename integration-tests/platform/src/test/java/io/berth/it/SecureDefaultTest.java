package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth serve} without --config: every request under /api/v1 gets 401, and no deploy-folder jar is installed. */
class SecureDefaultTest {

    @TempDir
    Path workDir;

    @Test
    void serverWithoutConfigIsClosed() throws Exception {
        Path deployDir = Files.createDirectories(workDir.resolve("deploy"));
        Files.copy(BerthProcess.bundleJar("example.network"), deployDir.resolve("example-network.jar"));

        try (BerthProcess server = BerthProcess.serve(workDir, deployDir, ServerConfig.none())) {
            HttpResponse<String> response = server.send("GET", "/api/v1/bundles", BerthProcess.ADMIN_TOKEN,
                    java.net.http.HttpRequest.BodyPublishers.noBody(), null);

            assertEquals(401, response.statusCode());
            JsonNode problem = BerthProcess.JSON.readTree(response.body());
            assertTrue(problem.get("detail").asText().contains("started without --config"), response.body());
            assertTrue(problem.get("fix").asText().contains("add admin.tokens to berth.yaml"), response.body());
            assertEquals(200, server.getWithoutToken("/q/health/ready").statusCode());

            awaitLog(server, "did not install example-network.jar from the deploy folder");
            String log = server.log();
            assertTrue(log.contains("WARN  [io.berth.distribution.admin.AdminSettings] (main) no admin tokens are configured"), log);
            assertTrue(log.contains("no trusted bundles are configured"), log);
            assertFalse(log.contains("installed example-network.jar"), log);
        }
    }

    private static void awaitLog(BerthProcess server, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!server.log().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the log never said: " + text + "\n" + server.logTail());
            }
            Thread.sleep(100);
        }
    }
}
