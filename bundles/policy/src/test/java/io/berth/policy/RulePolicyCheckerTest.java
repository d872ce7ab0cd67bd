package io.berth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.BerthException;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.RulesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePolicyCheckerTest {

    @Test
    void reportsBuiltinFindingsOfThePlan() {
        DeploymentConfig config = Configs.withBuckets(Examples.load("quickstart"), List.of());
        Plan plan = new Plan(config, List.of(), Examples.generate(config), List.of());

        List<Finding> findings = new RulePolicyChecker().check(plan);

        assertEquals(List.of(BuiltinPolicyValidator.WORKER_WITHOUT_BUCKET), findings.stream().map(Finding::rule).toList());
    }

    @Test
    void failsClosedOnCompanyRules() {
        DeploymentConfig c = Examples.load("quickstart");
        DeploymentConfig config = new DeploymentConfig(c.deployment(), c.region(), c.accountId(), c.mode(), c.network(),
                c.ingress(), c.buckets(), c.controlPlane(), c.roles(),
                new RulesConfig("embedded", null, "error", List.of("policies/acme")), c.tags(), c.admin());
        Plan plan = new Plan(config, List.of(), Examples.generate(config), List.of());

        BerthException error = assertThrows(BerthException.class, () -> new RulePolicyChecker().check(plan));

        assertTrue(error.getMessage().contains("rules.paths"), error.getMessage());
    }
}
