package io.berth.distribution.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.distribution.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The admin API's IAM documents, for the quickstart example that the test profile configures. */
@QuarkusTest
class PoliciesResourceTest {

    private static final Path GOLDEN = Path.of("../bundles/policy/src/test/resources/golden/quickstart.json");

    @Test
    void listsEveryRoleKind() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/policies")
                .then().statusCode(200)
                .body("roles.kind", contains("deployer", "user-initiated", "unattended", "worker"))
                .body("roles[1].name", equalTo("berth-analytics-user-initiated"));
    }

    @Test
    void listMatchesGoldenDocuments() throws IOException {
        String body = AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/policies").then().statusCode(200).extract().asString();

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(GOLDEN.toFile());
        assertEquals(expected, json.readTree(body));
    }

    @Test
    void returnsWorkerRole() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/policies/worker")
                .then().statusCode(200)
                .body("kind", equalTo("worker"))
                .body("instanceProfile", equalTo("berth-analytics-worker"))
                .body("trustPolicy.Statement.Principal.Service", equalTo("ec2.amazonaws.com"))
                .body("policy.Statement[0].Resource", equalTo("arn:aws:s3:::acme-analytics-data"))
                .body("policy.Statement[0].Condition.StringLike.'s3:prefix'", equalTo("polars/*"));
    }

    @Test
    void unknownKindIsNotFound() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/policies/admin")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("'admin'"))
                .body("fix", equalTo("use one of deployer, user-initiated, unattended, worker"));
    }
}
