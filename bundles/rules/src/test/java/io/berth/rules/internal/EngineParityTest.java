package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.Finding;
import io.berth.api.config.RulesConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine and a real OPA server give the same findings for the same input. Needs
 * the OPA server that integration-tests/run-tests.sh starts (BERTH_TEST_OPA_URL), and starts one
 * more of its own on loopback for company settings and rule folders other than the defaults.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineParityTest {

    private static final Path PARITY = TestFiles.TEST_BUNDLES.resolve("parity");
    private static final Path OPA = TestFiles.ROOT.resolve(".tools/bin/opa");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OpaServerEngine server = new OpaServerEngine();
    private final List<Process> ownServers = new java.util.ArrayList<>();
    private String sharedUrl;
    /** An OPA server with the default rules and no company settings, which the tests set. */
    private String settingsUrl;
    /** An OPA server with the default rules and the company folder, and no company settings. */
    private String companyUrl;

    @TempDir
    Path folder;

    @BeforeAll
    void requireServers() throws IOException, InterruptedException {
        sharedUrl = System.getenv("BERTH_TEST_OPA_URL");
        if (sharedUrl == null || sharedUrl.isBlank()) {
            fail("BERTH_TEST_OPA_URL is not set: run the tests with integration-tests/run-tests.sh, or with"
                    + " integration-tests/scripts/with-servers.sh ./mvnw -B verify -pl bundles/rules -am");
        }
        settingsUrl = startOwnServer(TestFiles.POLICIES.resolve("berth"));
        companyUrl = startOwnServer(TestFiles.POLICIES.resolve("berth"), PARITY.resolve("company"));
    }

    @AfterAll
    void stopOwnServers() throws InterruptedException {
        for (Process server : ownServers) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void defaultRulesGiveEqualFindings() {
        WasmPolicy embedded = new WasmPolicy(CompiledBundle.read(TestFiles.DEFAULT_BUNDLE, ""), EmbeddedEngine.ENTRYPOINT);
        Map<String, byte[]> inputs = Map.of(
                "sample", TestFiles.bytes(TestFiles.SAMPLE_INPUT),
                "every rule", TestFiles.bytes(PARITY.resolve("every-rule.json")),
                "clean plan", TestFiles.utf8(InputDocument.of(Plans.fullPlan(List.of("203.0.113.0/24"),
                        RulesConfig.DEFAULT)).toString()),
                "empty", TestFiles.utf8("{}"));

        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            JsonNode fromServer = server.evaluate(input.getValue(), sharedUrl);
            JsonNode fromWasm = embedded.evaluate(input.getValue());
            assertEquals(fromServer, fromWasm, "findings of the " + input.getKey() + " input");
        }
        assertEquals(11, rules(server.evaluate(TestFiles.bytes(PARITY.resolve("every-rule.json")), sharedUrl)).size(),
                "rules that the every-rule input triggers with the default settings");
        assertEquals(0, server.evaluate(inputs.get("clean plan"), sharedUrl).size(), "findings of the clean plan");
    }

    @Test
    void otherCompanySettingsGiveEqualFindings() throws IOException, InterruptedException {
        JsonNode strict = TestFiles.json(PARITY.resolve("strict-settings.json"));
        Map<String, JsonNode> settings = Map.of(
                "strict settings", strict,
                "no settings", Json.MAPPER.createObjectNode());

        for (Map.Entry<String, JsonNode> setting : settings.entrySet()) {
            putCompanySettings(settingsUrl, setting.getValue());
            WasmPolicy embedded = new WasmPolicy(withSettings(setting.getValue()), EmbeddedEngine.ENTRYPOINT);
            for (String input : List.of("every-rule.json", "boundary.json")) {
                byte[] bytes = TestFiles.bytes(PARITY.resolve(input));
                assertEquals(server.evaluate(bytes, settingsUrl), embedded.evaluate(bytes),
                        "findings of " + input + " with " + setting.getKey());
            }
        }

        putCompanySettings(settingsUrl, strict);
        Set<String> strictRules = rules(server.evaluate(TestFiles.bytes(PARITY.resolve("every-rule.json")), settingsUrl));
        strictRules.addAll(rules(server.evaluate(TestFiles.bytes(PARITY.resolve("boundary.json")), settingsUrl)));
        assertTrue(strictRules.containsAll(List.of("missing-permission-boundary", "permission-boundary-not-allowed",
                "company-settings-invalid")), strictRules.toString());
        assertFalse(strictRules.contains("role-name-prefix"), "role-name-prefix is disabled by the strict settings");
        putCompanySettings(settingsUrl, Json.MAPPER.createObjectNode());
        assertEquals(Set.of("company-settings-missing"), rules(server.evaluate(TestFiles.utf8("{}"), settingsUrl)));
    }

    @Test
    void companyFolderGivesEqualFindingsOnBothEngines() throws IOException, InterruptedException {
        putCompanySettings(companyUrl, TestFiles.json(TestFiles.POLICIES.resolve("data/berth.json")).at("/berth/company"));
        Path company = copyCompanyFolder();
        buildCompanyBundle(company);
        RulesConfig embedded = new RulesConfig("embedded", null, null, List.of(company.toString()));
        RulesConfig remote = new RulesConfig("opa", companyUrl, null, List.of(company.toString()));
        RuleEvaluator evaluator = new RuleEvaluator(new EmbeddedEngine(
                new EmbeddedEngine.DefaultBundle.File(TestFiles.DEFAULT_BUNDLE)));
        ObjectNode input = (ObjectNode) TestFiles.json(PARITY.resolve("every-rule.json"));

        List<Finding> fromWasm = evaluator.evaluate(input, embedded);
        List<Finding> fromServer = evaluator.evaluate(input, remote);

        assertEquals(fromServer, fromWasm);
        assertTrue(fromWasm.stream().anyMatch(finding -> finding.rule().equals("acme-no-ipv6-ingress")), fromWasm.toString());
        assertEquals(15, fromWasm.size(), "the 14 default findings and the company's one: " + fromWasm);
    }

    private static Set<String> rules(JsonNode findings) {
        Set<String> rules = new HashSet<>();
        findings.forEach(finding -> rules.add(finding.get("rule").asText()));
        return rules;
    }

    /** Returns the default bundle with other company settings as its data document. */
    private static CompiledBundle withSettings(JsonNode settings) {
        CompiledBundle defaults = CompiledBundle.read(TestFiles.DEFAULT_BUNDLE, "");
        ObjectNode data = Json.MAPPER.createObjectNode();
        if (!settings.isEmpty()) {
            data.putObject("berth").set("company", settings);
        }
        return new CompiledBundle("default bundle with test settings", defaults.policyWasm(),
                TestFiles.utf8(data.toString()), defaults.manifest());
    }

    /** Starts an OPA server on a free loopback port with the given rule folders; returns its address. */
    private String startOwnServer(Path... ruleFolders) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path log = Files.createTempFile("berth-parity-opa", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(OPA.toString(), "run", "--server",
                "--addr", "127.0.0.1:" + port, "--disable-telemetry", "--ignore", "*_test.rego"));
        Stream.of(ruleFolders).map(Path::toString).forEach(command::add);
        ownServers.add(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return url;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        return fail("the OPA server at " + url + " did not start within 30 s; its log: " + Files.readString(log));
    }

    private static void putCompanySettings(String url, JsonNode settings) throws IOException, InterruptedException {
        HttpRequest request = settings.isEmpty()
                ? HttpRequest.newBuilder(URI.create(url + "/v1/data/berth/company")).DELETE().build()
                : HttpRequest.newBuilder(URI.create(url + "/v1/data/berth/company"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(settings.toString()))
                        .build();
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        assertTrue(status == 204 || (status == 404 && settings.isEmpty()), "setting data.berth.company: HTTP " + status);
    }

    private Path copyCompanyFolder() throws IOException {
        Path company = Files.createDirectory(folder.resolve("acme"));
        try (Stream<Path> files = Files.list(PARITY.resolve("company"))) {
            for (Path file : files.toList()) {
                Files.copy(file, company.resolve(file.getFileName()));
            }
        }
        return company;
    }

    private static void buildCompanyBundle(Path company) throws IOException, InterruptedException {
        Process build = new ProcessBuilder(TestFiles.POLICIES.resolve("build.sh").toString(),
                "--output", company.resolve("bundle.tar.gz").toString(), company.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(build.getInputStream().readAllBytes());
        assertEquals(0, build.waitFor(), "policies/build.sh failed: " + output);
    }
}
