package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.function.Consumer;

/** Plans, applies and destroys a whole deployment with the providers the host chose for it. */
public interface SetupService {

    Plan plan(DeploymentConfig config, ActiveProviders providers);

    /**
     * Plans, checks and creates, refusing before the first create call when the plan has
     * findings at or above {@code rules.failOn}.
     */
    Plan apply(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress);

    /** What exists now for the deployment, resource by resource, and any drift from the generated state. */
    java.util.List<ResourceStatus> status(DeploymentConfig config, ActiveProviders providers);

    /** Removes everything tagged with the deployment, in reverse order, leaving adopted resources alone. */
    void destroy(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress);

    /**
     * Plans, checks and renders what apply would create as one CloudFormation template, without
     * calling AWS. It refuses as apply does.
     *
     * @throws PlanRefusedException when the plan has findings at or above {@code rules.failOn}
     * @throws InvalidConfigException when an active provider cannot describe its resources as a template
     */
    default DeploymentTemplate template(DeploymentConfig config, ActiveProviders providers) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot render CloudFormation templates");
    }
}
