package io.berth.distribution.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.berth.distribution.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request checks of the cluster and reaper endpoints, which respond before any AWS call. The
 * calls themselves are tested against moto by the platform tests.
 */
@QuarkusTest
class ClustersResourceTest {

    @Test
    void startRejectsInvalidFieldsByName() {
        Map<String, String> bodies = Map.of(
                "count", "{\"name\": \"etl\", \"instanceTypes\": [\"m5.large\"], \"count\": \"three\"}",
                "instanceTypes", "{\"name\": \"etl\", \"instanceTypes\": \"m5.large\", \"count\": 2}",
                "idleTimeout", "{\"name\": \"etl\", \"instanceTypes\": [\"m5.large\"], \"count\": 2, \"idleTimeout\": \"soon\"}",
                "mode", "{\"name\": \"etl\", \"instanceTypes\": [\"m5.large\"], \"count\": 2, \"mode\": \"sideways\"}",
                "name", "{\"instanceTypes\": [\"m5.large\"], \"count\": 2}",
                "instanceType", "{\"name\": \"etl\", \"instanceType\": \"m5.large\", \"count\": 2}");

        bodies.forEach((field, body) -> AdminTokens.as(AdminTokens.OPERATOR).contentType("application/json").body(body)
                .when().post("/api/v1/clusters")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field)));
    }

    @Test
    void startRejectsCountAboveMaximum() {
        AdminTokens.as(AdminTokens.OPERATOR).contentType("application/json")
                .body("{\"name\": \"etl\", \"instanceTypes\": [\"m5.large\"], \"count\": 21}")
                .when().post("/api/v1/clusters")
                .then().statusCode(400)
                .body("field", equalTo("count"))
                .body("detail", containsString("21 is outside 1 to 20"))
                .body("fix", containsString("workers.maxInstances"));
    }

    @Test
    void stopRejectsInvalidName() {
        AdminTokens.as(AdminTokens.OPERATOR).when().delete("/api/v1/clusters/Not_A_Name")
                .then().statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void reaperRunsEmptyWithoutSchedule() {
        AdminTokens.as(AdminTokens.OPERATOR).when().get("/api/v1/reaper/runs")
                .then().statusCode(200)
                .body("schedule", nullValue())
                .body("runs.size()", equalTo(0));
    }
}
