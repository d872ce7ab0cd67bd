package io.berth.distribution.admin;

import io.berth.distribution.rest.Problem;

/** The problem documents of requests the {@link ApiGuard} refuses. */
final class AccessProblems {

    private static final String INVALID_TOKEN = "invalid-token";
    private static final String ADD_TOKEN = "send Authorization: Bearer TOKEN with a token listed in admin.tokens";

    private AccessProblems() {
    }

    static Problem noTokensConfigured(boolean configGiven) {
        return Problem.of("unauthenticated", "Unauthenticated", 401,
                        "the admin server has no tokens configured"
                                + (configGiven ? " in admin.tokens" : " because it was started without --config")
                                + ", so it accepts no request")
                .withField("Authorization")
                .withFix("add admin.tokens to berth.yaml, each with a name, a role (viewer, operator or admin) and the "
                        + "sha256 of the token (printf %s \"$TOKEN\" | sha256sum), then restart with berth serve --config berth.yaml");
    }

    static Problem missingToken() {
        return Problem.of("unauthenticated", "Unauthenticated", 401, "the request has no bearer token")
                .withField("Authorization")
                .withFix(ADD_TOKEN);
    }

    static Problem invalidToken() {
        return Problem.of(INVALID_TOKEN, "Unauthenticated", 401, "the bearer token is not one of admin.tokens")
                .withField("Authorization")
                .withFix(ADD_TOKEN);
    }

    static Problem roleTooLow(Caller caller, Role required, String method, String path) {
        return Problem.of("forbidden", "Forbidden", 403,
                        method + " " + path + " needs the role " + required.id() + "; the token of " + caller.name()
                                + " has the role " + caller.role().id())
                .withField("Authorization")
                .withFix("use a token with the role " + required.id() + " or higher");
    }

    static Problem bodyTooLarge(long length, long maxBytes, boolean bundleUpload) {
        return Problem.of("body-too-large", "Request body too large", 413,
                        "the body has " + length + " bytes, more than the maximum of " + maxBytes)
                .withField("body")
                .withFix(bundleUpload
                        ? "raise admin.maxBundleBytes in berth.yaml to upload larger bundles"
                        : "send a smaller body, or raise admin.maxBodyBytes in berth.yaml");
    }

    static Problem lengthRequired() {
        return Problem.of("length-required", "Length required", 411,
                        "the body is sent in chunks without a Content-Length")
                .withField("Content-Length")
                .withFix("send the body with a Content-Length header");
    }

    static Problem invalidContentLength(String value) {
        return Problem.of("invalid-request", "Invalid request", 400, "Content-Length '" + value + "' is not a number")
                .withField("Content-Length");
    }

    /** Returns the challenge of a 401 response, as RFC 6750 defines it for bearer tokens. */
    static String wwwAuthenticate(Problem problem) {
        return problem.type().endsWith(":" + INVALID_TOKEN)
                ? "Bearer realm=\"berth\", error=\"invalid_token\""
                : "Bearer realm=\"berth\"";
    }
}
