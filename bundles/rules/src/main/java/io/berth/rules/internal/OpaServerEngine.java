package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Evaluates the rules on a remote OPA server through its REST data API:
 * {@code POST /v1/data/berth/findings} with {@code {"input": ...}}. HTTPS uses the JDK's default
 * trust store. The server must have loaded {@code policies/berth}, {@code policies/data} and
 * every folder of {@code rules.paths}. This engine cannot check that, except that a server
 * without the rules responds without a result, which is an error.
 */
public final class OpaServerEngine {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String FINDINGS_PATH = "/v1/data/berth/findings";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The value of {@code data.berth.findings} for the input, as the server at {@code opaUrl} returns it. */
    public JsonNode evaluate(byte[] inputJson, String opaUrl) {
        URI endpoint = endpoint(opaUrl);
        byte[] body = wrapInput(inputJson);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();

        HttpResponse<byte[]> response = send(request, opaUrl);
        JsonNode answer = parseAnswer(response, opaUrl);
        if (response.statusCode() != 200) {
            throw new RuleEvaluationException("the OPA server at " + opaUrl +  " returned HTTP " + response.statusCode()
                    + " for POST " + FINDINGS_PATH + ": " + answer.path("code").asText("") + " "
                    + answer.path("message").asText(answer.toString()),
                    "fix the Rego named in the message and restart or reload the server");
        }
        JsonNode result = answer.get("result");
        if (result == null) {
            throw new RuleEvaluationException("the OPA server at " + opaUrl + " has no value for data.berth.findings,"
                    + " so the company rules are not loaded there",
                    "start it with the rules: opa run --server policies/berth policies/data"
                            + " (plus every folder of rules.paths)");
        }
        return result;
    }

    /**
     * Returns the findings endpoint of a server address. Anything but an absolute http or https
     * URL raises {@link InvalidConfigException} for {@code rules.opaUrl}.
     */
    static URI endpoint(String opaUrl) {
        URI base;
        try {
            base = new URI(opaUrl);
        } catch (URISyntaxException e) {
            throw invalidUrl(opaUrl, "is not a valid URL");
        }
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
            throw invalidUrl(opaUrl, "is not an http or https URL with a host");
        }
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return base.resolve(path + FINDINGS_PATH);
    }

    private HttpResponse<byte[]> send(HttpRequest request, String opaUrl) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(opaUrl, "connecting timed out after " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new RuleEvaluationException("the OPA server at " + opaUrl + " did not respond within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", "check the server's load and log", e);
        } catch (ConnectException e) {
            throw unreachable(opaUrl, "the connection was refused", e);
        } catch (SSLException e) {
            throw new RuleEvaluationException("the TLS handshake with the OPA server at " + opaUrl + " failed: "
                    + e.getMessage(), "give the server a certificate that the Java trust store accepts", e);
        } catch (IOException e) {
            throw unreachable(opaUrl, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleEvaluationException("evaluating the company rules on " + opaUrl + " was interrupted", "", e);
        }
    }

    private static JsonNode parseAnswer(HttpResponse<byte[]> response, String opaUrl) {
        try {
            JsonNode answer = Json.MAPPER.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new IOException("not a JSON object");
            }
            return answer;
        } catch (IOException e) {
            throw new RuleEvaluationException("the OPA server at " + opaUrl + " returned HTTP " + response.statusCode()
                    + " with a body that is not a JSON object", "check that " + opaUrl + " is an OPA server", e);
        }
    }

    private static byte[] wrapInput(byte[] inputJson) {
        byte[] prefix = "{\"input\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + inputJson.length + 1];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(inputJson, 0, body, prefix.length, inputJson.length);
        body[body.length - 1] = '}';
        return body;
    }

    private static RuleEvaluationException unreachable(String opaUrl, String reason, Exception cause) {
        return new RuleEvaluationException("could not reach the OPA server at " + opaUrl + ": " + reason,
                "start it (opa run --server --addr HOST:PORT policies/berth policies/data), correct rules.opaUrl"
                        + " in berth.yaml, or set rules.engine: embedded", cause);
    }

    private static InvalidConfigException invalidUrl(String opaUrl, String problem) {
        return new InvalidConfigException("rules.opaUrl", "'" + opaUrl + "' " + problem,
                "use the OPA server's address, such as http://127.0.0.1:8181");
    }
}
