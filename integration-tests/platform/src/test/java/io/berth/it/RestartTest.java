package io.berth.it;

import static io.berth.it.BerthProcess.ADMIN_TOKEN;
import static io.berth.it.BerthProcess.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log and uploaded bundles outlive the server process: stopped and started again on the same data folder. */
class RestartTest {

    @TempDir
    Path workDir;

    @Test
    void auditLogAndUploadsSurviveRestart() throws Exception {
        Path deployDir = Files.createDirectories(workDir.resolve("deploy"));
        List<String> before = new ArrayList<>();

        try (BerthProcess server = BerthProcess.serve(workDir, deployDir)) {
            assertEquals(201, server.upload(BerthProcess.bundleBytes("example.network"), ADMIN_TOKEN).statusCode());
            assertEquals(401, server.send("DELETE", "/api/v1/bundles/io.berth.fleet", null,
                    HttpRequest.BodyPublishers.noBody(), null).statusCode());
            assertEquals(403, server.send("POST", "/api/v1/reaper", VIEWER_TOKEN,
                    HttpRequest.BodyPublishers.noBody(), null).statusCode());

            for (JsonNode event : server.audit()) {
                before.add(describe(event));
            }
        }
        assertTrue(before.contains("ada POST /api/v1/bundles 201 succeeded io.berth.example.network"), before.toString());
        assertTrue(before.contains("anonymous DELETE /api/v1/bundles/io.berth.fleet 401 unauthenticated null"), before.toString());
        assertTrue(before.contains("vera POST /api/v1/reaper 403 forbidden null"), before.toString());
        assertTrue(Files.exists(workDir.resolve(".berth/audit.mv.db")), "no embedded database in the data folder");

        try (BerthProcess server = BerthProcess.serve(workDir, deployDir)) {
            List<String> after = new ArrayList<>();
            for (JsonNode event : server.audit()) {
                after.add(describe(event));
            }
            assertEquals(before, after.subList(after.size() - before.size(), after.size()));

            JsonNode bundle = server.getJson("/api/v1/bundles/io.berth.example.network");
            assertEquals("ACTIVE", bundle.get("state").asText());
            assertEquals("uploaded", bundle.get("origin").asText());
        }
    }

    private static String describe(JsonNode event) {
        return event.get("who").asText() + " " + event.get("method").asText() + " " + event.get("path").asText() + " "
                + event.get("status").asInt() + " " + event.get("outcome").asText() + " "
                + (event.get("target").isNull() ? "null" : event.get("target").asText());
    }
}
