package io.berth.policy;

import io.berth.api.CompanyRules;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.PolicyChecker;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the built-in validation and the company rules on a plan.
 */
@Component(service = PolicyChecker.class)
public final class RulePolicyChecker implements PolicyChecker {

    private final BuiltinPolicyValidator builtin = new BuiltinPolicyValidator();

    @Reference
    private CompanyRules companyRules;

    /** Creates the checker that Declarative Services fills in. */
    public RulePolicyChecker() {
    }

    /** Creates a checker with the given company rules, for use outside the framework. */
    public RulePolicyChecker(CompanyRules companyRules) {
        this.companyRules = companyRules;
    }

    /**
     * Returns the built-in findings followed by the company rules' findings. A rule engine that
     * cannot evaluate throws, so a broken or unreachable engine never passes a plan.
     */
    @Override
    public List<Finding> check(Plan plan) {
        List<Finding> findings = new ArrayList<>(builtin.validate(plan.roles()));
        findings.addAll(companyRules.evaluate(plan));
        return findings;
    }
}
