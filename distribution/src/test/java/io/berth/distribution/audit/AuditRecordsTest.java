package io.berth.distribution.audit;

import static io.berth.distribution.AdminTokens.ADMIN;
import static io.berth.distribution.AdminTokens.VIEWER;
import static io.berth.distribution.AdminTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the audit log records, read back through GET /api/v1/audit. */
@QuarkusTest
class AuditRecordsTest {

    private static Map<String, Object> latest(String path) {
        List<Map<String, Object>> events = as(ADMIN).queryParam("limit", 1000).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return events.stream().filter(event -> path.equals(event.get("path"))).findFirst()
                .orElseThrow(() -> new AssertionError("no audit event for " + path + " in " + events));
    }

    @Test
    void refusedRequestWithoutTokenIsRecorded() {
        String path = "/api/v1/bundles/" + UUID.randomUUID();
        given().when().delete(path).then().statusCode(401);

        Map<String, Object> event = latest(path);
        assertEquals("anonymous", event.get("who"));
        assertEquals("DELETE", event.get("method"));
        assertEquals(401, event.get("status"));
        assertEquals("unauthenticated", event.get("outcome"));
        assertEquals("the request has no bearer token", event.get("detail"));
    }

    @Test
    void wrongTokenIsRecordedWithoutTheToken() {
        String path = "/api/v1/clusters/" + UUID.randomUUID();
        String token = "wrong-" + UUID.randomUUID();
        as(token).when().post(path).then().statusCode(401);

        Map<String, Object> event = latest(path);
        assertEquals("unknown-token", event.get("who"));
        assertEquals("unauthenticated", event.get("outcome"));
        String all = as(ADMIN).queryParam("limit", 1000).when().get("/api/v1/audit").asString();
        assertEquals(false, all.contains(token), "the audit log contains the token");
    }

    @Test
    void forbiddenRequestIsRecordedWithCallerAndRole() {
        String path = "/api/v1/deployments/" + UUID.randomUUID();
        as(VIEWER).when().delete(path).then().statusCode(403);

        Map<String, Object> event = latest(path);
        assertEquals("vera", event.get("who"));
        assertEquals("viewer", event.get("role"));
        assertEquals(403, event.get("status"));
        assertEquals("forbidden", event.get("outcome"));
    }

    @Test
    void mutatingRequestIsRecordedWithTarget() {
        String name = "io.berth.test.absent" + UUID.randomUUID().toString().replace("-", "");
        String path = "/api/v1/bundles/" + name;
        as(ADMIN).when().delete(path).then().statusCode(404);

        Map<String, Object> event = latest(path);
        assertEquals("ada", event.get("who"));
        assertEquals("admin", event.get("role"));
        assertEquals(name, event.get("target"));
        assertEquals("rejected", event.get("outcome"));
        assertEquals("127.0.0.1", event.get("remoteAddress"));
    }

    @Test
    void successfulReadIsNotRecorded() {
        as(VIEWER).when().get("/api/v1/providers?marker=" + UUID.randomUUID()).then().statusCode(200);
        String all = as(ADMIN).queryParam("limit", 1000).when().get("/api/v1/audit").asString();

        JsonPath json = JsonPath.from(all);
        assertEquals(0, json.getList("findAll { it.path == '/api/v1/providers' && it.status == 200 }").size());
    }

    @Test
    void eventsAreNewestFirstAndPaged() {
        for (int i = 0; i < 3; i++) {
            given().when().post("/api/v1/reaper").then().statusCode(401);
        }
        List<Integer> ids = as(ADMIN).queryParam("limit", 2).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(2, ids.size());
        assertEquals(true, ids.get(0) > ids.get(1));

        as(ADMIN).queryParam("limit", 1).queryParam("beforeId", ids.get(1)).when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("[0].id", not(nullValue()))
                .body("[0].id", equalTo(ids.get(1) - 1));
    }

    private static void assertEquals(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }

    private static void assertEquals(Object expected, Object actual, String message) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, message);
    }
}
