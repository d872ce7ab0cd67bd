package io.berth.distribution;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChecksResourceTest {

    private static final String WIDE_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"All\","
            + " \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";

    @Test
    void planDocumentGivesTheSampleFinding() throws IOException {
        String input = Files.readString(Path.of("../policies/examples/input.json"));

        AdminTokens.as(AdminTokens.VIEWER).contentType("application/json").body(input)
                .when().post("/api/v1/checks")
                .then()
                .statusCode(200)
                .body("findings", hasSize(1))
                .body("findings[0].rule", equalTo("public-ingress"))
                .body("findings[0].severity", equalTo("error"))
                .body("findings[0].target", equalTo("security group berth-analytics-direct"))
                .body("findings[0].fix", containsString("ingress.cidrs"));
    }

    @Test
    void policyDocumentIsCheckedAsTheGivenRole() {
        AdminTokens.as(AdminTokens.VIEWER).contentType("application/json").body(WIDE_POLICY).queryParam("role", "worker")
                .when().post("/api/v1/checks")
                .then()
                .statusCode(200)
                .body("findings.rule", equalTo(java.util.List.of("s3-unscoped-resource", "wildcard-actions")))
                .body("findings[0].target", equalTo("worker role, statement All"));
    }

    @Test
    void invalidJsonIsAProblemDocument() {
        AdminTokens.as(AdminTokens.VIEWER).contentType("application/json").body("{\"Statement\": [")
                .when().post("/api/v1/checks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("body: is not valid JSON at line 1"))
                .body("field", equalTo("body"));
    }

    @Test
    void documentOfNeitherKindIsRejected() {
        AdminTokens.as(AdminTokens.VIEWER).contentType("application/json").body("{\"Version\": \"2012-10-17\"}")
                .when().post("/api/v1/checks")
                .then()
                .statusCode(400)
                .body("detail", containsString("neither a plan input document"));
    }

    @Test
    void unknownRoleKindIsRejected() {
        AdminTokens.as(AdminTokens.VIEWER).contentType("application/json").body(WIDE_POLICY).queryParam("role", "admin")
                .when().post("/api/v1/checks")
                .then()
                .statusCode(400)
                .body("field", equalTo("role"))
                .body("detail", containsString("unknown role kind 'admin'"));
    }
}
