package io.berth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.api.CompanyRules;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.RoleKind;
import io.berth.api.RuleEvaluationException;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.RulesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePolicyCheckerTest {

    private static final Finding COMPANY_FINDING =
            new Finding("public-ingress", Severity.ERROR, "security group analytics-direct", "open to the world", "narrow it");

    @Test
    void reportsBuiltinThenCompanyFindings() {
        DeploymentConfig config = Configs.withBuckets(Examples.load("quickstart"), List.of());
        Plan plan = new Plan(config, List.of(), Examples.generate(config), List.of());

        List<Finding> findings = new RulePolicyChecker(rulesAnswering(List.of(COMPANY_FINDING))).check(plan);

        assertEquals(List.of(BuiltinPolicyValidator.WORKER_WITHOUT_BUCKET, "public-ingress"),
                findings.stream().map(Finding::rule).toList());
    }

    @Test
    void failsClosedWhenCompanyRulesCannotRun() {
        DeploymentConfig config = Examples.load("quickstart");
        Plan plan = new Plan(config, List.of(), Examples.generate(config), List.of());
        RuleEvaluationException broken = new RuleEvaluationException("OPA at http://127.0.0.1:9 did not respond",
                "start the OPA server");

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> new RulePolicyChecker(rulesFailingWith(broken)).check(plan));

        assertSame(broken, error);
    }

    private static CompanyRules rulesAnswering(List<Finding> findings) {
        return new CompanyRules() {
            @Override
            public List<Finding> evaluate(Plan plan) {
                return findings;
            }

            @Override
            public List<Finding> evaluateInput(String inputJson, RulesConfig rules) {
                return findings;
            }

            @Override
            public List<Finding> evaluatePolicy(RoleKind kind, String policyJson, RulesConfig rules) {
                return findings;
            }
        };
    }

    private static CompanyRules rulesFailingWith(RuleEvaluationException failure) {
        return new CompanyRules() {
            @Override
            public List<Finding> evaluate(Plan plan) {
                throw failure;
            }

            @Override
            public List<Finding> evaluateInput(String inputJson, RulesConfig rules) {
                throw failure;
            }

            @Override
            public List<Finding> evaluatePolicy(RoleKind kind, String policyJson, RulesConfig rules) {
                throw failure;
            }
        };
    }
}
