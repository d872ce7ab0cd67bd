package io.berth.distribution.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.berth.distribution.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DeploymentTemplateRefusedTest.RefusingConfig.class)
class DeploymentTemplateRefusedTest {

    /** A server whose config has a warning and refuses at warnings. */
    public static final class RefusingConfig implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("berth.config", "src/test/resources/configs/warning-refused.yaml");
        }
    }

    @Test
    void findingsAtFailOnGiveUnprocessableProblem() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/deployments/analytics/template")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Refused on findings"))
                .body("detail", containsString("stop the template; no template was written"))
                .body("findings[0].rule", equalTo("worker-without-bucket"))
                .body("findings[0].severity", equalTo("warning"));
    }
}
