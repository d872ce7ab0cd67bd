package io.berth.distribution.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PoliciesResourceWithoutConfigTest.NoDeploymentConfig.class)
class PoliciesResourceWithoutConfigTest {

    /** A server started without --config. */
    public static final class NoDeploymentConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.config", "");
        }
    }

    @Test
    void policiesNameMissingSetting() {
        given().when().get("/api/v1/policies")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("berth.config"))
                .body("fix", containsString("berth serve --config FILE"));
    }
}
