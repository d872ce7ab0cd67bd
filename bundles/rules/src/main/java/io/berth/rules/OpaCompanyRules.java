package io.berth.rules;

import io.berth.api.CompanyRules;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.RoleKind;
import io.berth.api.config.RulesConfig;
import io.berth.rules.internal.EmbeddedEngine;
import io.berth.rules.internal.InputDocument;
import io.berth.rules.internal.RuleEvaluator;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The company rules service. The default rules come from the file named by the framework or
 * system property {@value #BUNDLE_PROPERTY}, which the {@code ./berth} launcher sets to
 * {@code policies/bundle.tar.gz} of the checkout, so that a bundle older than its Rego is
 * caught; without it, from the copy built into this bundle.
 */
@Component(service = CompanyRules.class)
public final class OpaCompanyRules implements CompanyRules {

    private static final Logger LOG = LoggerFactory.getLogger(OpaCompanyRules.class);

    /** Framework or system property: the path of the compiled default rule bundle. */
    public static final String BUNDLE_PROPERTY = "berth.rules.bundle";

    private RuleEvaluator evaluator;

    /** Used by the framework, which then calls {@link #activate}. */
    public OpaCompanyRules() {
    }

    /** Evaluates with the given default bundle; for use outside the framework. */
    public OpaCompanyRules(EmbeddedEngine.DefaultBundle defaultBundle) {
        this.evaluator = new RuleEvaluator(new EmbeddedEngine(defaultBundle));
    }

    @Activate
    void activate(BundleContext context) {
        String path = context.getProperty(BUNDLE_PROPERTY);
        EmbeddedEngine.DefaultBundle defaults = path == null || path.isBlank()
                ? builtIn()
                : new EmbeddedEngine.DefaultBundle.File(Path.of(path));
        LOG.debug("default company rules: {}", defaults);
        evaluator = new RuleEvaluator(new EmbeddedEngine(defaults));
    }

    @Deactivate
    void deactivate() {
        evaluator.close();
    }

    /** Returns the compiled default rules that the build copied into this bundle. */
    public static EmbeddedEngine.DefaultBundle builtIn() {
        return new EmbeddedEngine.DefaultBundle.Resource("bundle.tar.gz", OpaCompanyRules.class);
    }

    @Override
    public List<Finding> evaluate(Plan plan) {
        return evaluator.evaluate(InputDocument.of(plan), plan.config().rules());
    }

    @Override
    public List<Finding> evaluateInput(String inputJson, RulesConfig rules) {
        return evaluator.evaluate(InputDocument.parseObject(inputJson, "the input document"), rules);
    }

    @Override
    public List<Finding> evaluatePolicy(RoleKind kind, String policyJson, RulesConfig rules) {
        String roleTarget = kind.id() + " role " + InputDocument.POLICY_ROLE_NAME;
        return evaluator.evaluate(InputDocument.ofPolicy(kind, policyJson), rules).stream()
                .filter(finding -> !finding.target().equals(roleTarget))
                .toList();
    }
}
