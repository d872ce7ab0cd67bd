package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth check} on IAM policy files, run as a separate process the way a user runs it. */
class CheckCommandTest {

    private static final String WIDE_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"All\","
            + " \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}";
    private static final String NARROW_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Describe\","
            + " \"Effect\": \"Allow\", \"Action\": \"ec2:DescribeInstances\", \"Resource\": \"*\"}]}";

    @TempDir
    Path workDir;

    @BeforeEach
    void writeFiles() throws IOException {
        writeConfig("embedded", "http://127.0.0.1:8181");
        Files.writeString(workDir.resolve("wide.json"), WIDE_POLICY);
        Files.writeString(workDir.resolve("narrow.json"), NARROW_POLICY);
    }

    @Test
    void widePolicyGivesJsonFindingsAndExitOne() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml",
                "--format", "json", "wide.json");

        assertEquals(1, result.exitCode(), result.stderr());
        JsonNode findings = BerthProcess.JSON.readTree(result.stdout()).get("findings");
        List<String> rules = new ArrayList<>();
        findings.forEach(finding -> rules.add(finding.get("rule").asText()));
        assertEquals(List.of("data-access-outside-worker", "s3-unscoped-resource", "wildcard-actions"), rules);
        assertEquals("user-initiated role, statement All", findings.get(0).get("target").asText());
        assertEquals("error", findings.get(0).get("severity").asText());
        assertEquals("wide.json", findings.get(0).get("file").asText());
    }

    @Test
    void roleKindChangesTheFindings() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml",
                "--format", "json", "--role", "worker", "wide.json");

        assertEquals(1, result.exitCode(), result.stderr());
        JsonNode findings = BerthProcess.JSON.readTree(result.stdout()).get("findings");
        assertEquals(2, findings.size(), result.stdout());
        assertEquals("worker role, statement All", findings.get(0).get("target").asText());
    }

    @Test
    void narrowPolicyExitsZero() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml", "narrow.json");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("0 finding(s), 0 at or above error\n", result.stdout());
    }

    @Test
    void sarifLocatesResultsInThePolicyFile() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml",
                "--format", "sarif", "narrow.json", "wide.json");

        assertEquals(1, result.exitCode(), result.stderr());
        JsonNode log = BerthProcess.JSON.readTree(result.stdout());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run = log.get("runs").get(0);
        assertEquals("berth", run.at("/tool/driver/name").asText());
        assertEquals("data-access-outside-worker", run.at("/tool/driver/rules/0/id").asText());
        assertTrue(run.at("/tool/driver/rules/0/shortDescription/text").isTextual());
        assertEquals(3, run.get("results").size());
        JsonNode first = run.get("results").get(0);
        assertEquals("data-access-outside-worker", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals("wide.json", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(first.at("/message/text").asText().startsWith("user-initiated role, statement All: "),
                first.toString());
    }

    @Test
    void invalidJsonExitsTwoNamingTheFile() throws Exception {
        Files.writeString(workDir.resolve("broken.json"), "{\"Statement\": [");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml", "broken.json");

        assertEquals(2, result.exitCode(), result.stdout());
        assertTrue(result.stderr().startsWith("error: broken.json: is not valid JSON at line 1"), result.stderr());
    }

    @Test
    void missingFileExitsTwo() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml", "absent.json");

        assertEquals(2, result.exitCode(), result.stdout());
        assertTrue(result.stderr().startsWith("error: absent.json: file not found"), result.stderr());
    }

    @Test
    void unreachableOpaServerExitsTwoNamingTheAddress() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        writeConfig("opa", url);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "check", "--config", "berth.yaml", "narrow.json");

        assertEquals(2, result.exitCode(), result.stdout());
        assertTrue(result.stderr().startsWith("error: could not reach the OPA server at " + url), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void bundleOlderThanItsRegoExitsTwo() throws Exception {
        Path bundle = copyPolicies();
        Files.writeString(workDir.resolve("policies/berth/roles.rego"), "\n# changed\n", StandardOpenOption.APPEND);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, List.of("-Dberth.rules.bundle=" + bundle),
                "check", "--config", "berth.yaml", "narrow.json");

        assertEquals(2, result.exitCode(), result.stdout());
        assertTrue(result.stderr().startsWith("error: the compiled rule bundle " + bundle
                + " is older than its Rego sources: berth/roles.rego changed"), result.stderr());
        assertTrue(result.stderr().contains("fix: rebuild it with policies/build.sh"), result.stderr());
    }

    private void writeConfig(String engine, String opaUrl) throws IOException {
        Files.writeString(workDir.resolve("berth.yaml"), String.join("\n",
                "deployment: analytics",
                "region: eu-west-1",
                "network:",
                "  managed: { cidr: 10.42.0.0/16 }",
                "controlPlane:",
                "  principal: arn:aws:iam::111122223333:role/berth-control-plane",
                "  externalId: 5d1e0c7a-example",
                "rules:",
                "  engine: " + engine,
                "  opaUrl: " + opaUrl,
                "  failOn: error",
                ""));
    }

    /** Copies policies/berth, policies/data and the compiled bundle; returns the copy's bundle path. */
    private Path copyPolicies() throws IOException {
        Path source = BerthProcess.ROOT.resolve("policies");
        Path target = workDir.resolve("policies");
        for (String folder : List.of("berth", "data")) {
            Files.createDirectories(target.resolve(folder));
            try (Stream<Path> files = Files.list(source.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return Files.copy(source.resolve("bundle.tar.gz"), target.resolve("bundle.tar.gz"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
