package io.berth.it;

import static io.berth.it.BerthProcess.ADMIN_TOKEN;
import static io.berth.it.BerthProcess.OPERATOR_TOKEN;
import static io.berth.it.BerthProcess.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens and roles of the packaged {@code berth serve}, through HTTP. */
class AdminAccessTest {

    @TempDir
    static Path workDir;

    static BerthProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = BerthProcess.serve(workDir, Files.createDirectories(workDir.resolve("deploy")));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noTokenGets401WithBearerChallenge() throws Exception {
        HttpResponse<String> response = server.getWithoutToken("/api/v1/bundles");

        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"berth\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode problem = BerthProcess.JSON.readTree(response.body());
        assertEquals(401, problem.get("status").asInt());
        assertEquals("Authorization", problem.get("field").asText());
    }

    @Test
    void wrongTokenGets401() throws Exception {
        HttpResponse<String> response = server.send("GET", "/api/v1/providers", "not-" + VIEWER_TOKEN,
                HttpRequest.BodyPublishers.noBody(), null);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void eachRoleReadsTheApi() throws Exception {
        for (String token : new String[] {VIEWER_TOKEN, OPERATOR_TOKEN, ADMIN_TOKEN}) {
            HttpResponse<String> response = server.send("GET", "/api/v1/providers", token,
                    HttpRequest.BodyPublishers.noBody(), null);
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    void roleTooLowGets403() throws Exception {
        HttpResponse<String> viewerApplies = server.send("POST", "/api/v1/deployments/analytics/apply", VIEWER_TOKEN,
                HttpRequest.BodyPublishers.noBody(), null);
        HttpResponse<String> operatorUploads = server.upload(TestBundles.unsigned("io.berth.test.operator"), OPERATOR_TOKEN);
        HttpResponse<String> operatorReadsAudit = server.send("GET", "/api/v1/audit", OPERATOR_TOKEN,
                HttpRequest.BodyPublishers.noBody(), null);

        assertEquals(403, viewerApplies.statusCode());
        assertEquals(403, operatorUploads.statusCode());
        assertEquals(403, operatorReadsAudit.statusCode());
        assertTrue(operatorUploads.body().contains("needs the role admin"), operatorUploads.body());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        assertEquals(200, server.getWithoutToken("/q/health/ready").statusCode());
        assertEquals(200, server.getWithoutToken("/q/health/live").statusCode());
    }

    @Test
    void tokensNeverAppearInLog() throws Exception {
        String wrongToken = "wrong-" + UUID.randomUUID();
        for (String token : new String[] {VIEWER_TOKEN, OPERATOR_TOKEN, ADMIN_TOKEN, wrongToken}) {
            server.send("GET", "/api/v1/bundles", token, HttpRequest.BodyPublishers.noBody(), null);
            server.send("DELETE", "/api/v1/bundles/io.berth.absent", token, HttpRequest.BodyPublishers.noBody(), null);
        }

        String log = server.log();
        for (String token : new String[] {VIEWER_TOKEN, OPERATOR_TOKEN, ADMIN_TOKEN, wrongToken}) {
            assertFalse(log.contains(token), "the server log contains a token");
        }
        assertFalse(server.audit().toString().contains(wrongToken), "the audit log contains a token");
    }
}
