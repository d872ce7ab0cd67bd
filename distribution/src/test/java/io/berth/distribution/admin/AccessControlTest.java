package io.berth.distribution.admin;

import static io.berth.distribution.AdminTokens.ADMIN;
import static io.berth.distribution.AdminTokens.OPERATOR;
import static io.berth.distribution.AdminTokens.VIEWER;
import static io.berth.distribution.AdminTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Who may do what on the admin API. The paths under deployments, clusters and the reaper end in
 * a probe segment that no endpoint serves, so that an allowed request gets 404 and never starts
 * a cloud operation. A role too low gets 403 before any resource is looked up.
 */
@QuarkusTest
class AccessControlTest {

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        given().when().get("/api/v1/bundles")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"berth\"")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:berth:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("field", equalTo("Authorization"));
    }

    @Test
    void wrongTokenIsUnauthenticated() {
        as("not-a-configured-token").when().get("/api/v1/bundles")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("detail", equalTo("the bearer token is not one of admin.tokens"));
    }

    @Test
    void otherSchemeIsUnauthenticated() {
        given().header("Authorization", "Basic YWRhOmFkbWluLXRva2Vu").when().get("/api/v1/bundles")
                .then().statusCode(401);
    }

    @Test
    void unknownPathNeedsTokenToo() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(401);
    }

    @Test
    void healthIsOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void forbiddenNamesRequiredRole() {
        as(VIEWER).when().delete("/api/v1/bundles/io.berth.example")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:berth:problem:forbidden"))
                .body("detail", equalTo("DELETE /api/v1/bundles/io.berth.example needs the role admin; "
                        + "the token of vera has the role viewer"));
    }

    @ParameterizedTest(name = "{1} {2} as {0}: {3}")
    @CsvSource({
            // viewer reads, runs checks, and nothing more
            "viewer-token,   GET,    /api/v1/bundles,                  allowed",
            "viewer-token,   GET,    /api/v1/providers,                allowed",
            "viewer-token,   POST,   /api/v1/checks/probe/x/y,         allowed",
            "viewer-token,   POST,   /api/v1/deployments/a/probe/x,    forbidden",
            "viewer-token,   POST,   /api/v1/clusters/probe/x/y,       forbidden",
            "viewer-token,   POST,   /api/v1/reaper/probe/x/y,         forbidden",
            "viewer-token,   GET,    /api/v1/audit,                    forbidden",
            "viewer-token,   DELETE, /api/v1/bundles/x,                forbidden",
            // operator also plans, applies, destroys, runs clusters and the reaper
            "operator-token, POST,   /api/v1/deployments/a/probe/x,    allowed",
            "operator-token, DELETE, /api/v1/deployments/a/probe/y,    allowed",
            "operator-token, POST,   /api/v1/clusters/probe/x/y,       allowed",
            "operator-token, POST,   /api/v1/clusters/c-1/probe/z,     allowed",
            "operator-token, POST,   /api/v1/reaper/probe/x/y,         allowed",
            "operator-token, GET,    /api/v1/audit,                    forbidden",
            "operator-token, DELETE, /api/v1/bundles/x,                forbidden",
            "operator-token, POST,   /api/v1/some-new-endpoint,        forbidden",
            // admin also manages bundles and reads the audit log
            "admin-token,    GET,    /api/v1/audit,                    allowed",
            "admin-token,    DELETE, /api/v1/bundles/x,                allowed",
            "admin-token,    POST,   /api/v1/clusters/probe/x/y,       allowed",
            "admin-token,    POST,   /api/v1/some-new-endpoint,        allowed"})
    void roleBoundary(String token, String method, String path, String decision) {
        int status = as(token).when().request(method, path).then().extract().statusCode();

        if (decision.equals("forbidden")) {
            assertEquals(403, status);
        } else {
            assertNotEquals(401, status);
            assertNotEquals(403, status);
        }
    }

    @Test
    void adminUploadOfUntrustedJarIsForbidden() {
        as(ADMIN).contentType("application/java-archive").body(TestBundles.unsignedBundle("io.berth.test.untrusted"))
                .when().post("/api/v1/bundles")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:berth:problem:untrusted-bundle"))
                .body("detail", containsString("no bundle is trusted because admin.trust lists no certificate and no sha256"));

        as(OPERATOR).when().get("/api/v1/bundles")
                .then().statusCode(200)
                .body("findAll { it.symbolicName == 'io.berth.test.untrusted' }.size()", equalTo(0));
    }
}
