package io.berth.it;

import static io.berth.it.BerthProcess.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST} and {@code DELETE /api/v1/bundles} on the packaged server. The server trusts the
 * example bundle's sha256 and one certificate made for this run; a second certificate is not trusted.
 */
class BundleUploadTest {

    private static final String EXAMPLE = "io.berth.example.network";
    private static final String TAGGED_CLASS = "io/berth/example/network/TaggedNetworkProvider.class";

    @TempDir
    static Path workDir;

    static BerthProcess server;
    static JarSigning trustedSigner;
    static JarSigning otherSigner;

    @BeforeAll
    static void startServer() throws Exception {
        Path keys = Files.createDirectories(workDir.resolve("keys"));
        trustedSigner = JarSigning.create(keys, "berth-test-trusted");
        otherSigner = JarSigning.create(keys, "berth-test-other");
        ServerConfig config = ServerConfig.standard()
                .trustCertificate(trustedSigner.certificate())
                .admin("maxBundleBytes: 500000");
        server = BerthProcess.serve(workDir, Files.createDirectories(workDir.resolve("deploy")), config);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void allowListedJarInstallsAndDeletes() throws Exception {
        HttpResponse<String> created = server.upload(BerthProcess.bundleBytes("example.network"), ADMIN_TOKEN);

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/bundles/" + EXAMPLE),
                created.headers().toString());
        JsonNode bundle = BerthProcess.JSON.readTree(created.body());
        assertEquals("ACTIVE", bundle.get("state").asText());
        assertEquals("uploaded", bundle.get("origin").asText());
        server.awaitJson("/api/v1/providers", providers -> "example.network".equals(activeNetwork(providers)),
                Duration.ofSeconds(20));

        HttpResponse<String> updated = server.upload(BerthProcess.bundleBytes("example.network"), ADMIN_TOKEN);
        assertEquals(200, updated.statusCode(), updated.body());

        HttpResponse<String> deleted = delete(EXAMPLE);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertNull(find(server.getJson("/api/v1/bundles"), EXAMPLE));
        server.awaitJson("/api/v1/providers", providers -> "network.managed".equals(activeNetwork(providers)),
                Duration.ofSeconds(20));
        assertEquals(404, delete(EXAMPLE).statusCode());
        assertFalse(Files.exists(workDir.resolve(".berth/bundles/" + EXAMPLE + ".jar")));
    }

    @Test
    void jarSignedByConfiguredCertificateInstalls() throws Exception {
        byte[] signed = trustedSigner.sign(BerthProcess.bundleJar("example.network"));

        HttpResponse<String> created = server.upload(signed, ADMIN_TOKEN);
        try {
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("ACTIVE", BerthProcess.JSON.readTree(created.body()).get("state").asText());
            JsonNode event = latestEvent("POST", "/api/v1/bundles");
            assertEquals(EXAMPLE, event.get("target").asText());
            assertTrue(event.get("detail").asText().contains("signed by the configured certificate CN=berth-test-trusted"),
                    event.toString());
        } finally {
            delete(EXAMPLE);
        }
    }

    @Test
    void jarSignedByOtherCertificateIsForbidden() throws Exception {
        byte[] signed = otherSigner.sign(BerthProcess.bundleJar("example.network"));

        HttpResponse<String> response = server.upload(signed, ADMIN_TOKEN);

        assertEquals(403, response.statusCode(), response.body());
        JsonNode problem = BerthProcess.JSON.readTree(response.body());
        assertEquals("urn:berth:problem:untrusted-bundle", problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("the jar is signed by CN=berth-test-other"), response.body());
        assertTrue(problem.get("detail").asText().contains("is not allow-listed"), response.body());
        assertNull(find(server.getJson("/api/v1/bundles"), EXAMPLE));
    }

    @Test
    void tamperedSignedJarIsForbidden() throws Exception {
        byte[] tampered = JarSigning.tamper(trustedSigner.sign(BerthProcess.bundleJar("example.network")), TAGGED_CLASS);

        HttpResponse<String> response = server.upload(tampered, ADMIN_TOKEN);

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("entry " + TAGGED_CLASS + " does not match its signed digest"), response.body());
        assertNull(find(server.getJson("/api/v1/bundles"), EXAMPLE));
    }

    @Test
    void untrustedJarIsForbiddenAndNothingInstalled() throws Exception {
        HttpResponse<String> response = server.upload(TestBundles.unsigned("io.berth.test.unknown"), ADMIN_TOKEN);

        assertEquals(403, response.statusCode(), response.body());
        JsonNode problem = BerthProcess.JSON.readTree(response.body());
        assertEquals("body", problem.get("field").asText());
        assertTrue(problem.get("detail").asText().contains("not signed by a configured certificate (the jar is unsigned)"),
                response.body());
        assertNull(find(server.getJson("/api/v1/bundles"), "io.berth.test.unknown"));
        assertFalse(Files.exists(workDir.resolve(".berth/bundles/io.berth.test.unknown.jar")));
        assertEquals("forbidden", latestEvent("POST", "/api/v1/bundles").get("outcome").asText());
    }

    @Test
    void bodyThatIsNotJarIsBadRequest() throws Exception {
        HttpResponse<String> response = server.upload("not a jar".getBytes(), ADMIN_TOKEN);

        assertEquals(400, response.statusCode(), response.body());
        JsonNode problem = BerthProcess.JSON.readTree(response.body());
        assertEquals("body", problem.get("field").asText());
        assertTrue(problem.get("detail").asText().contains("not a jar file"), response.body());
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        HttpResponse<String> response = server.send("POST", "/api/v1/bundles", ADMIN_TOKEN,
                HttpRequest.BodyPublishers.ofByteArray(BerthProcess.bundleBytes("example.network")), "application/json");

        assertEquals(415, response.statusCode(), response.body());
        assertEquals("Content-Type", BerthProcess.JSON.readTree(response.body()).get("field").asText());
    }

    @Test
    void jarOverLimitIsTooLarge() throws Exception {
        HttpResponse<String> response = server.upload(new byte[600_000], ADMIN_TOKEN);

        assertEquals(413, response.statusCode(), response.body());
        JsonNode problem = BerthProcess.JSON.readTree(response.body());
        assertEquals("body", problem.get("field").asText());
        assertTrue(problem.get("fix").asText().contains("admin.maxBundleBytes"), response.body());
    }

    @Test
    void distributionBundleIsNotReplacedOrRemoved() throws Exception {
        HttpResponse<String> response = delete("io.berth.network.managed");

        assertEquals(409, response.statusCode(), response.body());
        assertTrue(response.body().contains("belongs to the distribution"), response.body());
        assertEquals("ACTIVE", find(server.getJson("/api/v1/bundles"), "io.berth.network.managed").get("state").asText());
    }

    private static HttpResponse<String> delete(String symbolicName) throws Exception {
        return server.send("DELETE", "/api/v1/bundles/" + symbolicName, ADMIN_TOKEN,
                HttpRequest.BodyPublishers.noBody(), null);
    }

    private static JsonNode latestEvent(String method, String path) throws Exception {
        for (JsonNode event : server.audit()) {
            if (method.equals(event.get("method").asText()) && path.equals(event.get("path").asText())) {
                return event;
            }
        }
        throw new AssertionError("no audit event for " + method + " " + path);
    }

    static String activeNetwork(JsonNode providers) {
        for (JsonNode type : providers) {
            if ("network".equals(type.get("type").asText())) {
                return type.path("active").path("name").asText(null);
            }
        }
        return null;
    }

    static JsonNode find(JsonNode bundles, String symbolicName) {
        for (JsonNode bundle : bundles) {
            if (symbolicName.equals(bundle.get("symbolicName").asText())) {
                return bundle;
            }
        }
        return null;
    }
}
