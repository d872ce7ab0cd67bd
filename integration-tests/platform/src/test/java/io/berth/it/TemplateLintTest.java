package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The templates of the example configs, checked by cfn-lint and checkov as a pipeline would
 * check them. {@code integration-tests/scripts/install-tools.sh} installs both, pinned.
 */
class TemplateLintTest {

    static final Path LINT_BIN = BerthProcess.ROOT.resolve(".tools/lint-venv/bin");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Every checkov check that fails on a template and the README explains, by check id. The
     * README's section "CloudFormation template" gives the reason for each.
     */
    static final List<String> EXPLAINED_CHECKOV_FAILURES = List.of();

    @TempDir
    Path workDir;

    @ParameterizedTest
    @CsvSource({"quickstart, yaml", "quickstart, json", "byon-proxy, yaml", "byon-proxy, json"})
    void cfnLintFindsNoError(String example, String format) throws Exception {
        Path template = render(example, format);

        ToolResult lint = runTool(List.of(tool("cfn-lint").toString(), "--format", "parseable", "--", template.toString()));

        // cfn-lint exits 0 when clean, and with bit 2 for errors, 4 for warnings and 8 for informational findings.
        assertEquals(0, lint.exitCode() & 2, "cfn-lint found errors in the template of " + example + ":\n" + lint.output());
        assertEquals(0, lint.exitCode(), "cfn-lint found warnings in the template of " + example + ":\n" + lint.output());
    }

    @ParameterizedTest
    @CsvSource({"quickstart", "byon-proxy"})
    void checkovFailsOnlyExplainedChecks(String example) throws Exception {
        Path template = render(example, "yaml");

        ToolResult checkov = runTool(List.of(tool("checkov").toString(), "--file", template.toString(),
                "--framework", "cloudformation", "--output", "json", "--skip-download", "--quiet", "--compact"));

        JsonNode report = BerthProcess.JSON.readTree(checkov.output());
        List<String> unexplained = new ArrayList<>();
        for (JsonNode failed : report.path("results").path("failed_checks")) {
            if (!EXPLAINED_CHECKOV_FAILURES.contains(failed.path("check_id").asText())) {
                unexplained.add(failed.path("check_id").asText() + " on " + failed.path("resource").asText() + ": "
                        + failed.path("check_name").asText());
            }
        }
        assertEquals(List.of(), unexplained, "checkov failed checks on the template of " + example
                + " that the README does not explain");
        assertEquals(0, report.path("summary").path("parsing_errors").asInt(), checkov.output());
        assertEquals(YAML.readTree(template.toFile()).path("Resources").size(),
                report.path("summary").path("resource_count").asInt(), "checkov did not read every resource:\n" + checkov.output());
    }

    private Path render(String example, String format) throws Exception {
        Path output = workDir.resolve(example + "." + format);
        BerthProcess.CommandResult result = BerthProcess.run(workDir, "template", "--config",
                BerthProcess.ROOT.resolve("examples/" + example + ".yaml").toString(), "--format", format,
                "--output", output.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        return output;
    }

    private static Path tool(String name) {
        Path tool = LINT_BIN.resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new AssertionError(tool + " is missing: run integration-tests/scripts/install-tools.sh, which installs"
                    + " cfn-lint and checkov from PyPI into .tools/lint-venv");
        }
        return tool;
    }

    record ToolResult(int exitCode, String output) {
    }

    /**
     * Runs a linter with no way out of this machine: checkov otherwise asks PyPI for a newer
     * version and its vendor's API for guidelines.
     */
    private ToolResult runTool(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "tool", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(false)
                .redirectOutput(output.toFile())
                .redirectError(workDir.resolve("tool-stderr.txt").toFile());
        builder.environment().putAll(Map.of(
                "CKV_SKIP_PACKAGE_UPDATE_CHECK", "true",
                "BC_SKIP_MAPPING", "TRUE",
                "AWS_EC2_METADATA_DISABLED", "true"));
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 300 s");
        }
        return new ToolResult(process.exitValue(), Files.readString(output));
    }
}
