package io.berth.distribution.rest;

import static io.berth.distribution.AdminTokens.ADMIN;
import static io.berth.distribution.AdminTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Error responses are RFC 9457 problem documents that name the field at fault. */
@QuarkusTest
class ProblemDocumentTest {

    private static final String SAMPLES = "/api/v1/test-samples";

    @Test
    void validBodyIsAccepted() {
        as(ADMIN).contentType("application/json").body("{\"name\": \"a\", \"count\": 2, \"buckets\": [{\"name\": \"b\"}]}")
                .when().post(SAMPLES)
                .then().statusCode(200)
                .body("buckets[0].name", equalTo("b"));
    }

    @Test
    void unknownFieldIsNamed() {
        as(ADMIN).contentType("application/json").body("{\"name\": \"a\", \"buckets\": [{\"name\": \"b\", \"region\": \"x\"}]}")
                .when().post(SAMPLES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:berth:problem:invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("field", equalTo("buckets[0].region"))
                .body("detail", containsString("unknown field 'region'"))
                .body("fix", containsString("name"));
    }

    @Test
    void wrongTypeIsNamed() {
        as(ADMIN).contentType("application/json").body("{\"name\": \"a\", \"count\": \"many\"}")
                .when().post(SAMPLES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("count"))
                .body("detail", containsString("'many'"));
    }

    @Test
    void malformedJsonNamesTheBody() {
        as(ADMIN).contentType("application/json").body("{\"name\": ")
                .when().post(SAMPLES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        as(ADMIN).contentType("text/plain").body("name=a")
                .when().post(SAMPLES)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void tooLargeBodyIsRejectedBeforeReading() {
        String large = "{\"name\": \"" + "x".repeat(40000) + "\"}";

        as(ADMIN).contentType("application/json").body(large)
                .when().post(SAMPLES)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("field", equalTo("body"))
                .body("detail", containsString("more than the maximum of 32768"));
    }

    @Test
    void unknownPathIsProblemDocument() {
        as(ADMIN).when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no resource at /api/v1/nothing-here"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        as(ADMIN).queryParam("limit", "0").when().get("/api/v1/audit")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("limit"));
    }
}
