package io.berth.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.Plan;
import io.berth.api.RoleKind;
import io.berth.api.RuleEvaluationException;
import io.berth.api.Severity;
import io.berth.api.config.RulesConfig;
import io.berth.rules.internal.EmbeddedEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpaCompanyRulesTest {

    private static final Path ROOT = Path.of(System.getProperty("berth.root", "../..")).toAbsolutePath().normalize();
    private static final OpaCompanyRules RULES = new OpaCompanyRules(
            new EmbeddedEngine.DefaultBundle.File(ROOT.resolve("policies/bundle.tar.gz")));

    @TempDir
    Path folder;

    @Test
    void sampleInputGivesThePublicIngressFinding() throws IOException {
        String input = Files.readString(ROOT.resolve("policies/examples/input.json"));

        List<Finding> findings = RULES.evaluateInput(input, RulesConfig.DEFAULT);

        assertEquals(List.of(new Finding("public-ingress", Severity.ERROR, "security group berth-analytics-direct",
                "allows inbound tcp on port 443 from 0.0.0.0/0",
                "List the client networks in ingress.cidrs of berth.yaml, or use proxy mode.")), findings);
    }

    @Test
    void planWithOpenIngressGivesOneFinding() {
        Plan plan = PlanFixtures.withIngress("0.0.0.0/0");

        List<Finding> findings = RULES.evaluate(plan);

        assertEquals(List.of("public-ingress"), findings.stream().map(Finding::rule).toList());
        assertEquals("security group berth-analytics-direct", findings.get(0).target());
    }

    @Test
    void builtInBundleGivesTheSameFindings() {
        OpaCompanyRules builtIn = new OpaCompanyRules(OpaCompanyRules.builtIn());
        Plan plan = PlanFixtures.withIngress("0.0.0.0/0");

        assertEquals(RULES.evaluate(plan), builtIn.evaluate(plan));
    }

    @Test
    void policyFindingsLeaveOutTheWrappingRole() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

        List<Finding> findings = RULES.evaluatePolicy(RoleKind.USER_INITIATED, policy, RulesConfig.DEFAULT);

        assertEquals(List.of("data-access-outside-worker", "s3-unscoped-resource", "wildcard-actions"),
                findings.stream().map(Finding::rule).toList());
        assertTrue(findings.stream().allMatch(finding -> finding.target().equals("user-initiated role, statement All")),
                findings.toString());
    }

    @Test
    void extraFolderWithoutBundleNamesTheBuildCommand() throws IOException {
        Path company = Files.createDirectory(folder.resolve("acme"));
        Files.writeString(company.resolve("acme.rego"), "package berth.rules.acme\n");
        RulesConfig rules = new RulesConfig("embedded", null, null, List.of(company.toString()));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> RULES.evaluateInput("{}", rules));

        assertEquals("the compiled rule bundle " + company.resolve("bundle.tar.gz") + " does not exist", error.getMessage());
        assertEquals("compile the folder with: policies/build.sh --output " + company.resolve("bundle.tar.gz") + " "
                + company, error.fix());
    }

    @Test
    void missingExtraFolderIsAConfigError() {
        RulesConfig rules = new RulesConfig("embedded", null, null, List.of(folder.resolve("absent").toString()));

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> RULES.evaluateInput("{}", rules));

        assertEquals("rules.paths", error.field());
    }

    @Test
    void unknownEngineIsAConfigError() {
        RulesConfig rules = new RulesConfig("wasmtime", null, null, List.of());

        InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> RULES.evaluateInput("{}", rules));

        assertEquals("rules.engine", error.field());
    }

    @Test
    void nonObjectInputIsConfigError() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> RULES.evaluateInput("[1, 2]", RulesConfig.DEFAULT));

        assertEquals("the input document: is not a JSON object", error.getMessage());
    }
}
