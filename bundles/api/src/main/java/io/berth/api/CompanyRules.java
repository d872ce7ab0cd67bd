package io.berth.api;

import io.berth.api.config.RulesConfig;
import java.util.List;

/**
 * The company rules in Rego, evaluated by Open Policy Agent in-process or on a server, as
 * {@code rules.engine} in {@code berth.yaml} selects. Every method returns the findings sorted by
 * rule, target and message, and throws {@link RuleEvaluationException} when the rules cannot be
 * evaluated, so that an unreachable server or a broken bundle never passes a plan.
 */
public interface CompanyRules {

    /**
     * Evaluates the rules on a whole plan: deployment, network, security groups, roles and
     * resources, with the settings of {@code plan.config().rules()}.
     */
    List<Finding> evaluate(Plan plan);

    /**
     * Evaluates the rules on an input document that is already in the rules' input format
     * (documented in {@code policies/README.md}), such as one posted to the admin API.
     *
     * @param inputJson the input document as JSON
     * @param rules     which engine to use and where the extra rule folders are
     * @throws InvalidConfigException when {@code inputJson} is not a JSON object
     */
    List<Finding> evaluateInput(String inputJson, RulesConfig rules);

    /**
     * Evaluates the rules on one IAM identity policy, as if it were the policy of a role of the
     * given kind. Only findings on the policy's statements are returned: the role's name, tags
     * and permission boundary are not part of a policy document.
     *
     * @param kind       the role kind the policy is meant for, which rules such as
     *                   {@code data-access-outside-worker} depend on
     * @param policyJson the IAM policy document as JSON
     * @param rules      which engine to use and where the extra rule folders are
     * @throws InvalidConfigException when {@code policyJson} is not a JSON object
     */
    List<Finding> evaluatePolicy(RoleKind kind, String policyJson, RulesConfig rules);
}
