package io.berth.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformResourcesTest {

    @Test
    void bundlesListsEveryDistributionBundleActive() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/bundles")
                .then()
                .statusCode(200)
                .body("symbolicName", hasItems(
                        "io.berth.aws", "io.berth.network.managed", "io.berth.network.byon",
                        "io.berth.securitygroups", "io.berth.roles", "io.berth.fleet", "io.berth.reaper",
                        "io.berth.policy", "io.berth.rules", "io.berth.setup", "org.apache.felix.scr", "org.apache.felix.configadmin"))
                .body("findAll { it.origin == 'distribution' }.state", everyItem(equalTo("ACTIVE")))
                .body("find { it.symbolicName == 'io.berth.aws' }.location", notNullValue());
    }

    @Test
    void providersNamesTheActiveNetworkProviderAndItsAlternative() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("find { it.type == 'network' }.active.name", equalTo("network.managed"))
                .body("find { it.type == 'network' }.alternatives.name", hasItems("network.byon"))
                .body("find { it.type == 'setup' }.active.bundle", equalTo("io.berth.setup"));
    }

    @Test
    void healthIsReadyWhenEveryBundleIsActive() {
        given().when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'osgi-platform' }.data.missingServices", equalTo(""));
    }

    @Test
    void openApiDescribesTheAdminApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/bundles'", notNullValue())
                .body("paths.'/api/v1/providers'", notNullValue());
    }
}
