package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth serve} with bundles dropped into and removed from its deploy folder while it runs. */
class BundleSwapTest {

    @TempDir
    static Path workDir;

    static Path deployDir;
    static BerthProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        deployDir = Files.createDirectories(workDir.resolve("deploy"));
        server = BerthProcess.serve(workDir, deployDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void droppedNetworkBundleTakesOverAndRemovalFallsBack() throws Exception {
        assertEquals("network.managed", activeNetwork(server.getJson("/api/v1/providers")));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> requests = load.submit(() -> requestUntilStopped(running, answered, failed));

        Path dropped = deployDir.resolve("example-network.jar");
        Files.copy(BerthProcess.bundleJar("example.network"), dropped, StandardCopyOption.REPLACE_EXISTING);
        server.awaitJson("/api/v1/providers", providers -> "example.network".equals(activeNetwork(providers)),
                Duration.ofSeconds(30));

        Files.delete(dropped);
        server.awaitJson("/api/v1/providers", providers -> "network.managed".equals(activeNetwork(providers)),
                Duration.ofSeconds(30));

        running.set(false);
        requests.get();
        load.shutdown();
        assertTrue(answered.get() > 0, "no request was made during the swap");
        assertEquals(0, failed.get(), "requests failed during the swap, of " + answered.get());
    }

    @Test
    void unresolvableBundleIsReportedAndServerKeepsServing() throws Exception {
        Path dropped = deployDir.resolve("unresolvable.jar");
        Files.copy(BerthProcess.bundleJar("unresolvable"), dropped, StandardCopyOption.REPLACE_EXISTING);

        JsonNode bundles = server.awaitJson("/api/v1/bundles",
                all -> find(all, "io.berth.example.unresolvable") != null
                        && find(all, "io.berth.example.unresolvable").hasNonNull("problem"),
                Duration.ofSeconds(30));
        JsonNode bundle = find(bundles, "io.berth.example.unresolvable");
        assertEquals("INSTALLED", bundle.get("state").asText());
        assertEquals("deploy-folder", bundle.get("origin").asText());
        assertTrue(bundle.get("problem").asText().contains("io.berth.example.absent"),
                "problem does not name the missing package: " + bundle.get("problem").asText());

        assertEquals(200, server.get("/q/health/ready").statusCode());
        Files.delete(dropped);
        server.awaitJson("/api/v1/bundles", all -> find(all, "io.berth.example.unresolvable") == null,
                Duration.ofSeconds(30));
    }

    private static void requestUntilStopped(AtomicBoolean running, AtomicInteger answered, AtomicInteger failed) {
        // Bounded: stops when the test says so, or after 5,000 requests at most.
        for (int i = 0; i < 5_000 && running.get(); i++) {
            try {
                HttpResponse<String> response = server.get("/api/v1/providers");
                answered.incrementAndGet();
                if (response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
                Thread.sleep(5);
            } catch (IOException e) {
                failed.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String activeNetwork(JsonNode providers) {
        for (JsonNode type : providers) {
            if ("network".equals(type.get("type").asText())) {
                return type.path("active").path("name").asText(null);
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode bundles, String symbolicName) {
        for (JsonNode bundle : bundles) {
            if (symbolicName.equals(bundle.get("symbolicName").asText())) {
                return bundle;
            }
        }
        return null;
    }
}
