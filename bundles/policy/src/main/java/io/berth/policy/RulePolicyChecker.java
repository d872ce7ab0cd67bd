package io.berth.policy;

import io.berth.api.BerthException;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.PolicyChecker;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Runs the built-in validation and the company rules on a plan.
 */
@Component(service = PolicyChecker.class)
public final class RulePolicyChecker implements PolicyChecker {

    private final BuiltinPolicyValidator builtin = new BuiltinPolicyValidator();

    @Override
    public List<Finding> check(Plan plan) {
        List<Finding> findings = new ArrayList<>(builtin.validate(plan.roles()));
        findings.addAll(companyRules(plan));
        return findings;
    }

    /**
     * Returns the findings of the company rules, which Open Policy Agent evaluates from Rego.
     * This version has no rule engine yet, so it throws when the config names rule folders,
     * rather than report no findings for rules it never read.
     */
    private static List<Finding> companyRules(Plan plan) {
        List<String> paths = plan.config().rules().paths();
        if (!paths.isEmpty()) {
            throw new BerthException("the company rules in rules.paths " + paths + " cannot be evaluated:"
                    + " this version of Berth has no rule engine yet",
                    "remove rules.paths to run the built-in validation alone");
        }
        return List.of();
    }
}
