package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/clusters} and {@code /api/v1/reaper/runs} of the packaged server against moto,
 * with passes scheduled every two seconds by {@code reaper.schedule}.
 */
class ClustersRestTest {

    @TempDir
    Path workDir;

    @Test
    void clustersServedAndReapedOnSchedule() throws Exception {
        ClusterDeployment deployment = ClusterDeployment.write(workDir, ClusterDeployment.uniqueName("it-rest"), "ap-south-1",
                "reaper: { schedule: 2s }");
        deployment.apply();
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));

        JsonNode web;
        try (BerthProcess server = serve(deployment, deploy)) {
            HttpResponse<String> created = server.send("POST", "/api/v1/clusters",
                    "{\"name\": \"web\", \"instanceTypes\": [\"m5.large\"], \"count\": 2, \"idleTimeout\": \"1h\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/clusters/web"));
            web = BerthProcess.JSON.readTree(created.body());
            assertEquals(2, web.get("instanceIds").size());

            HttpResponse<String> duplicate = server.send("POST", "/api/v1/clusters",
                    "{\"name\": \"web\", \"instanceTypes\": [\"m5.large\"], \"count\": 1}");
            assertEquals(400, duplicate.statusCode(), duplicate.body());
            assertEquals("name", BerthProcess.JSON.readTree(duplicate.body()).get("field").asText());
            HttpResponse<String> tooMany = server.send("POST", "/api/v1/clusters",
                    "{\"name\": \"big\", \"instanceTypes\": [\"m5.large\"], \"count\": 9}");
            assertEquals(400, tooMany.statusCode(), tooMany.body());
            assertEquals("count", BerthProcess.JSON.readTree(tooMany.body()).get("field").asText());

            HttpResponse<String> touched = server.send("POST", "/api/v1/clusters/web/activity", null);
            assertEquals(200, touched.statusCode(), touched.body());
            assertEquals("web", BerthProcess.JSON.readTree(touched.body()).get("name").asText());
        }

        // A new server process rebuilds the clusters from their tags.
        try (BerthProcess server = serve(deployment, deploy)) {
            JsonNode listed = server.getJson("/api/v1/clusters").get("clusters");
            assertEquals(1, listed.size(), listed.toString());
            assertEquals(web.get("instanceIds"), listed.get(0).get("instanceIds"));
            assertEquals(web.get("fleetId"), server.getJson("/api/v1/clusters/web").get("fleetId"));

            HttpResponse<String> idle = server.send("POST", "/api/v1/clusters",
                    "{\"name\": \"idle\", \"instanceTypes\": [\"m5.large\"], \"count\": 1, \"idleTimeout\": \"1s\"}");
            assertEquals(201, idle.statusCode(), idle.body());
            String idleInstance = BerthProcess.JSON.readTree(idle.body()).get("instanceIds").get(0).asText();

            JsonNode runs = server.awaitJson("/api/v1/reaper/runs", body -> scheduledRemoval(body, idleInstance).isPresent(),
                    Duration.ofSeconds(30));
            assertEquals("2s", runs.get("schedule").asText());
            JsonNode run = scheduledRemoval(runs, idleInstance).orElseThrow();
            assertEquals("succeeded", run.get("outcome").asText(), run.toString());
            assertEquals(List.of(), deployment.liveInstances("idle"));
            assertEquals(2, deployment.liveInstances("web").size());

            HttpResponse<String> triggered = server.send("POST", "/api/v1/reaper/runs", "{\"dryRun\": true}");
            assertEquals(202, triggered.statusCode(), triggered.body());
            String location = triggered.headers().firstValue("Location").orElseThrow();
            String path = location.substring(location.indexOf("/api/v1/"));
            JsonNode requested = server.awaitJson(path, body -> "succeeded".equals(body.get("outcome").asText()),
                    Duration.ofSeconds(30));
            assertEquals("api", requested.get("trigger").asText());
            assertTrue(requested.get("dryRun").asBoolean());

            HttpResponse<String> stopped = server.send("DELETE", "/api/v1/clusters/web", null);
            assertEquals(204, stopped.statusCode(), stopped.body());
            HttpResponse<String> stoppedAgain = server.send("DELETE", "/api/v1/clusters/web", null);
            assertEquals(404, stoppedAgain.statusCode(), stoppedAgain.body());
            assertEquals(List.of(), deployment.liveInstances("web"));
        }
    }

    private static BerthProcess serve(ClusterDeployment deployment, Path deploy) throws Exception {
        return BerthProcess.serve(deploy.getParent(), deploy, deployment.admin(), "--config", deployment.config().toString());
    }

    /** Returns the scheduled pass that removed the instance, if one has finished. */
    private static Optional<JsonNode> scheduledRemoval(JsonNode runs, String instanceId) {
        for (JsonNode run : runs.get("runs")) {
            if (!"schedule".equals(run.get("trigger").asText())) {
                continue;
            }
            for (JsonNode decision : run.get("decisions")) {
                if (instanceId.equals(decision.get("resourceId").asText()) && decision.get("removed").asBoolean()) {
                    return Optional.of(run);
                }
            }
        }
        return Optional.empty();
    }
}
