package io.berth.policy;

import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.PolicyChecker;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Runs the built-in validation and the company rules on a plan.
 */
@Component(service = PolicyChecker.class)
public final class RulePolicyChecker implements PolicyChecker {

    @Override
    public List<Finding> check(Plan plan) {
        throw new UnsupportedOperationException("policy does not implement rule checking yet");
    }
}
