package io.berth.distribution.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.berth.distribution.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The template endpoint, for the quickstart example that the test profile configures. */
@QuarkusTest
class DeploymentTemplateTest {

    private static final String PATH = "/api/v1/deployments/analytics/template";

    @Test
    void jsonByDefault() {
        AdminTokens.as(AdminTokens.VIEWER).when().get(PATH)
                .then().statusCode(200)
                .contentType("application/json")
                .body("AWSTemplateFormatVersion", equalTo("2010-09-09"))
                .body("Resources.Vpc.Properties.CidrBlock", equalTo("10.42.0.0/16"))
                .body("Outputs.WorkerRoleArn.Value.'Fn::GetAtt'[0]", equalTo("WorkerRole"));
    }

    @Test
    void yamlOnRequest() {
        AdminTokens.as(AdminTokens.VIEWER).when().get(PATH + "?format=yaml")
                .then().statusCode(200)
                .contentType("application/yaml")
                .body(startsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n"))
                .body(containsString("  Vpc:\n    Type: AWS::EC2::VPC\n"));
    }

    @Test
    void unknownFormatIsBadRequest() {
        AdminTokens.as(AdminTokens.VIEWER).when().get(PATH + "?format=xml")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("unknown template format 'xml': expected yaml or json"))
                .body("fix", equalTo("use ?format=json or ?format=yaml"));
    }

    @Test
    void otherDeploymentIsNotFound() {
        AdminTokens.as(AdminTokens.VIEWER).when().get("/api/v1/deployments/reporting/template")
                .then().statusCode(404);
    }
}
