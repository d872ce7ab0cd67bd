package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth template} and the template endpoint, run as a user runs them. None of them calls AWS. */
class TemplateCommandTest {

    static final Path QUICKSTART = BerthProcess.ROOT.resolve("examples/quickstart.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path workDir;

    @Test
    void yamlAndJsonAreTheSameDocument() throws Exception {
        BerthProcess.CommandResult yaml = template("--config", QUICKSTART.toString());
        BerthProcess.CommandResult json = template("--config", QUICKSTART.toString(), "--format", "json");

        assertEquals(0, yaml.exitCode(), yaml.stderr());
        assertEquals(0, json.exitCode(), json.stderr());
        assertEquals(BerthProcess.JSON.readTree(json.stdout()), YAML.readTree(yaml.stdout()));
    }

    @Test
    void twoRunsGiveIdenticalText() throws Exception {
        BerthProcess.CommandResult first = template("--config", QUICKSTART.toString());
        BerthProcess.CommandResult second = template("--config", QUICKSTART.toString());

        assertEquals(first.stdout(), second.stdout());
    }

    @Test
    void accountAndRegionComeFromTheStack() throws Exception {
        BerthProcess.CommandResult result = template("--config", QUICKSTART.toString(), "--format", "json");

        assertFalse(result.stdout().contains("123456789012"), "the configured account id is in the template");
        assertFalse(result.stdout().contains("eu-west-1"), "the configured region is in the template");
        JsonNode resource = BerthProcess.JSON.readTree(result.stdout())
                .at("/Resources/WorkerRole/Properties/Policies/0/PolicyDocument/Statement/1/Resource");
        assertEquals("arn:${AWS::Partition}:s3:::acme-analytics-data/polars/*", resource.path("Fn::Sub").asText());
    }

    @Test
    void outputFileHoldsWhatStandardOutputWould() throws Exception {
        Path output = workDir.resolve("quickstart.template.yaml");

        BerthProcess.CommandResult written = template("--config", QUICKSTART.toString(), "--output", output.toString());
        BerthProcess.CommandResult printed = template("--config", QUICKSTART.toString());

        assertEquals(0, written.exitCode(), written.stderr());
        assertEquals("", written.stdout());
        assertEquals(printed.stdout(), Files.readString(output));
        assertEquals(List.of(output), filesIn(workDir, ".yaml", ".tmp"));
    }

    @Test
    void refusedTemplateWritesNothing() throws Exception {
        Path config = Configs.refusedOnWarning(workDir, "it-template-refused");
        Path output = workDir.resolve("refused.template.yaml");

        BerthProcess.CommandResult result = template("--config", config.toString(), "--output", output.toString());

        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("worker-without-bucket"), result.stderr());
        assertTrue(result.stderr().contains("stop the template; no template was written"), result.stderr());
        assertFalse(Files.exists(output), "a refused template was written");
    }

    @Test
    void refusedTemplateLeavesEarlierFileAlone() throws Exception {
        Path config = Configs.refusedOnWarning(workDir, "it-template-refused");
        Path output = Files.writeString(workDir.resolve("reviewed.template.yaml"), "the reviewed template\n");

        BerthProcess.CommandResult result = template("--config", config.toString(), "--output", output.toString());

        assertEquals(1, result.exitCode(), result.stderr());
        assertEquals("the reviewed template\n", Files.readString(output));
    }

    @Test
    void outputInMissingFolderExitsTwo() throws Exception {
        Path output = workDir.resolve("no-such-folder/quickstart.yaml");

        BerthProcess.CommandResult result = template("--config", QUICKSTART.toString(), "--output", output.toString());

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("error: --output: cannot write " + output + ": the folder does not exist"),
                result.stderr());
        assertFalse(Files.exists(output.getParent()), "the missing folder was created");
    }

    @Test
    void outputFolderExitsTwo() throws Exception {
        Path output = Files.createDirectories(workDir.resolve("templates"));

        BerthProcess.CommandResult result = template("--config", QUICKSTART.toString(), "--output", output.toString());

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("is a folder"), result.stderr());
        assertEquals(List.of(), filesIn(output, ""));
        assertEquals(List.of(), filesIn(workDir, ".tmp"));
    }

    @Test
    void outputUnderAFileExitsTwo() throws Exception {
        Path notAFolder = Files.writeString(workDir.resolve("notes.txt"), "notes\n");
        Path output = notAFolder.resolve("quickstart.yaml");

        BerthProcess.CommandResult result = template("--config", QUICKSTART.toString(), "--output", output.toString());

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("error: --output: cannot write " + output), result.stderr());
        assertEquals("notes\n", Files.readString(notAFolder));
    }

    @Test
    void unknownFormatExitsTwo() throws Exception {
        BerthProcess.CommandResult result = template("--config", QUICKSTART.toString(), "--format", "xml");

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("unknown template format 'xml': expected yaml or json"), result.stderr());
    }

    @Test
    void invalidConfigExitsTwoNamingTheField() throws Exception {
        Path config = Configs.managed(workDir, "it-template-bad-cidr", "eu-west-1", "10.42.0.0/8", "203.0.113.0/24");

        BerthProcess.CommandResult result = template("--config", config.toString());

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("network.managed.cidr"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void networkBundleWithoutTemplateExitsTwo() throws Exception {
        Path deploy = Files.createDirectories(workDir.resolve("deploy"));
        Files.copy(BerthProcess.bundleJar("example.network"), deploy.resolve("example.network.jar"));
        // The deploy folder installs only trusted jars: the quickstart plus this jar's digest.
        Path config = ServerConfig.tokensOnly()
                .trustSha256(ServerConfig.sha256(BerthProcess.bundleBytes("example.network")))
                .write(workDir);

        BerthProcess.CommandResult result = template("--config", config.toString());

        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("network.provider: the active provider example.network cannot describe"
                + " its resources as a CloudFormation template"), result.stderr());
        assertEquals("", result.stdout());
    }

    @Test
    void endpointServesTheCommandsDocument() throws Exception {
        BerthProcess.CommandResult command = template("--config", QUICKSTART.toString(), "--format", "json");
        // The test server's config is the quickstart example plus tokens.
        try (BerthProcess server = BerthProcess.serve(workDir, Files.createDirectories(workDir.resolve("deploy")),
                ServerConfig.tokensOnly())) {
            HttpResponse<String> json = server.get("/api/v1/deployments/analytics/template");
            HttpResponse<String> yaml = server.get("/api/v1/deployments/analytics/template?format=yaml");

            assertEquals(200, json.statusCode(), json.body());
            assertEquals(command.stdout(), json.body());
            assertEquals(template("--config", QUICKSTART.toString()).stdout(), yaml.body());
        }
    }

    private BerthProcess.CommandResult template(String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("template"), Stream.of(args)).toArray(String[]::new);
        return BerthProcess.run(workDir, command);
    }

    /** Returns the regular files of a folder whose names end with one of the suffixes, sorted. */
    private static List<Path> filesIn(Path folder, String... suffixes) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
                    .sorted()
                    .toList();
        }
    }
}
