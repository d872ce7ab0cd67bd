package io.berth.distribution.admin;

import static io.berth.distribution.AdminTokens.ADMIN;
import static io.berth.distribution.AdminTokens.OPERATOR;
import static io.berth.distribution.AdminTokens.VIEWER;
import static io.berth.distribution.AdminTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Who may do what on the admin API. Paths whose endpoints do not exist yet still show the role
 * boundary: a role too low gets 403 before any resource is looked up, a role high enough gets 404.
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

    @ParameterizedTest(name = "{1} {2} as {0} -> {3}")
    @CsvSource({
            // viewer reads, runs checks, and nothing more
            "viewer-token,   GET,    /api/v1/bundles,                  200",
            "viewer-token,   GET,    /api/v1/providers,                200",
            "viewer-token,   POST,   /api/v1/checks,                   404",
            "viewer-token,   POST,   /api/v1/deployments/a/apply,      403",
            "viewer-token,   POST,   /api/v1/clusters,                 403",
            "viewer-token,   POST,   /api/v1/reaper,                   403",
            "viewer-token,   GET,    /api/v1/audit,                    403",
            "viewer-token,   DELETE, /api/v1/bundles/x,                403",
            // operator also plans, applies, destroys, runs clusters and the reaper
            "operator-token, POST,   /api/v1/deployments/a/apply,      404",
            "operator-token, DELETE, /api/v1/deployments/a,            404",
            "operator-token, POST,   /api/v1/clusters,                 404",
            "operator-token, POST,   /api/v1/clusters/c-1/stop,        404",
            "operator-token, POST,   /api/v1/reaper,                   404",
            "operator-token, GET,    /api/v1/audit,                    403",
            "operator-token, DELETE, /api/v1/bundles/x,                403",
            "operator-token, POST,   /api/v1/some-new-endpoint,        403",
            // admin also manages bundles and reads the audit log
            "admin-token,    GET,    /api/v1/audit,                    200",
            "admin-token,    DELETE, /api/v1/bundles/x,                404",
            "admin-token,    POST,   /api/v1/clusters,                 404",
            "admin-token,    POST,   /api/v1/some-new-endpoint,        404"})
    void roleBoundary(String token, String method, String path, int status) {
        as(token).when().request(method, path).then().statusCode(status);
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
