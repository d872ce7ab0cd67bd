package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy folder installs only jars the trust policy trusts; this server trusts one certificate and no digest. */
class DeployFolderTrustTest {

    @TempDir
    static Path workDir;

    static Path deployDir;
    static BerthProcess server;
    static JarSigning signer;

    @BeforeAll
    static void startServer() throws Exception {
        signer = JarSigning.create(Files.createDirectories(workDir.resolve("keys")), "berth-test-deploy");
        deployDir = Files.createDirectories(workDir.resolve("deploy"));
        server = BerthProcess.serve(workDir, deployDir, ServerConfig.tokensOnly().trustCertificate(signer.certificate()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void untrustedJarIsRejected() throws Exception {
        Path dropped = Files.copy(BerthProcess.bundleJar("example.network"), deployDir.resolve("unsigned-network.jar"));

        JsonNode rejected = server.awaitJson("/api/v1/bundles/rejected", all -> all.size() > 0, Duration.ofSeconds(20));
        JsonNode entry = rejected.get(0);
        assertEquals(dropped.toString(), entry.get("file").asText());
        assertEquals("io.berth.example.network", entry.get("symbolicName").asText());
        assertEquals(ServerConfig.sha256(Files.readAllBytes(dropped)), entry.get("sha256").asText());
        assertTrue(entry.get("reason").asText().contains("the jar is unsigned"), entry.toString());
        assertNull(BundleUploadTest.find(server.getJson("/api/v1/bundles"), "io.berth.example.network"));
        assertTrue(server.log().contains("did not install unsigned-network.jar from the deploy folder"), server.logTail());

        Files.delete(dropped);
        server.awaitJson("/api/v1/bundles/rejected", all -> all.size() == 0, Duration.ofSeconds(20));
    }

    @Test
    void jarSignedByConfiguredCertificateIsInstalled() throws Exception {
        Path dropped = Files.write(deployDir.resolve("signed-network.jar"), signer.sign(BerthProcess.bundleJar("example.network")));

        server.awaitJson("/api/v1/providers", providers -> "example.network".equals(BundleUploadTest.activeNetwork(providers)),
                Duration.ofSeconds(30));
        JsonNode bundle = BundleUploadTest.find(server.getJson("/api/v1/bundles"), "io.berth.example.network");
        assertEquals("ACTIVE", bundle.get("state").asText());
        assertEquals("deploy-folder", bundle.get("origin").asText());

        Files.delete(dropped);
        server.awaitJson("/api/v1/providers", providers -> "network.managed".equals(BundleUploadTest.activeNetwork(providers)),
                Duration.ofSeconds(30));
    }
}
