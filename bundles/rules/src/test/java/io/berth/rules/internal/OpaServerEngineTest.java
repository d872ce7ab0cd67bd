package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpaServerEngineTest {

    private final OpaServerEngine engine = new OpaServerEngine();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void closedPortNamesTheAddress() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(TestFiles.utf8("{}"), url));

        assertEquals("could not reach the OPA server at " + url + ": the connection was refused", error.getMessage());
        assertTrue(error.fix().contains("rules.opaUrl"), error.fix());
    }

    @Test
    void answerWithoutResultMeansRulesAreNotLoaded() throws IOException {
        String url = serve(200, "{}");

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(TestFiles.utf8("{}"), url));

        assertEquals("the OPA server at " + url + " has no value for data.berth.findings,"
                + " so the company rules are not loaded there", error.getMessage());
    }

    @Test
    void serverErrorIsReportedWithItsMessage() throws IOException {
        String url = serve(500, "{\"code\":\"internal_error\",\"message\":\"eval_conflict_error: rule conflict\"}");

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> engine.evaluate(TestFiles.utf8("{}"), url));

        assertEquals("the OPA server at " + url + " returned HTTP 500 for POST /v1/data/berth/findings:"
                + " internal_error eval_conflict_error: rule conflict", error.getMessage());
    }

    @Test
    void resultIsReturnedAsIs() throws IOException {
        String url = serve(200, "{\"result\":[{\"rule\":\"r\"}]}");

        assertEquals(TestFiles.json("[{\"rule\":\"r\"}]"), engine.evaluate(TestFiles.utf8("{}"), url));
    }

    @Test
    void endpointKeepsAPathPrefix() {
        assertEquals("https://opa.example:8443/opa/v1/data/berth/findings",
                OpaServerEngine.endpoint("https://opa.example:8443/opa/").toString());
    }

    @Test
    void nonHttpUrlIsAConfigError() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> OpaServerEngine.endpoint("ftp://127.0.0.1:8181"));

        assertEquals("rules.opaUrl", error.field());
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/data/berth/findings", exchange -> {
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
