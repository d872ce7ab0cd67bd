package io.berth.distribution;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The tokens of src/test/resources/berth-test.yaml, and requests that carry them. */
public final class AdminTokens {

    public static final String VIEWER = "viewer-token";
    public static final String OPERATOR = "operator-token";
    public static final String ADMIN = "admin-token";

    private AdminTokens() {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
