package io.berth.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The moto and OPA servers that integration-tests/scripts/start-servers.sh started for this
 * run on 127.0.0.1. Tests that need one fail, never skip, when it is missing.
 */
final class TestServers {

    static final String MOTO_VARIABLE = "BERTH_TEST_MOTO_URL";
    static final String OPA_VARIABLE = "BERTH_TEST_OPA_URL";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestServers() {
    }

    static URI moto() {
        return loopbackUrl(MOTO_VARIABLE);
    }

    static URI opa() {
        return loopbackUrl(OPA_VARIABLE);
    }

    /**
     * Switches moto's IAM enforcement on or off for the whole server. While it is on, only
     * access keys of IAM users created in moto, and credentials from its STS, are accepted.
     */
    static void enforceIam(boolean on) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(moto().resolve("/moto-api/reset-auth"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(on ? "0" : "inf"))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("moto's reset-auth returned " + response.statusCode() + ": " + response.body());
        }
    }

    /** Accepts localhost and loopback IP literals only, so that no name is ever looked up. */
    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equals(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static URI loopbackUrl(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new AssertionError(variable + " is not set. Run the tests with integration-tests/run-tests.sh, "
                    + "or wrap Maven in integration-tests/scripts/with-servers.sh, which start moto and OPA on "
                    + "127.0.0.1 and set it.");
        }
        URI uri = URI.create(value.trim());
        if (!isLoopback(uri.getHost())) {
            throw new AssertionError(variable + "=" + value + " is not a loopback address: tests only call "
                    + "servers on this machine");
        }
        return uri;
    }
}
