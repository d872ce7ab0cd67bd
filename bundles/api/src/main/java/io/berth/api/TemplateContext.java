package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * The view a provider gets while it describes its resources in a deployment's CloudFormation
 * template. It is the template counterpart of {@link DeploymentContext}, because references
 * stand in for the ids that apply passes between its steps.
 */
public interface TemplateContext {

    /**
     * The deployment, with its account and region replaced by the pseudo-parameter placeholders
     * of {@link ResourceNames#forTemplate}, so that names and ARNs derived from it through
     * {@link ResourceNames} resolve in whichever account and region the stack is created.
     */
    DeploymentConfig config();

    /** The generated IAM documents, with the same placeholders in their ARNs. */
    List<GeneratedRole> roles();

    /**
     * The template value that an earlier provider published under a {@link DeploymentContext}
     * output key, such as {@code {"Ref": "Vpc"}} for {@link DeploymentContext#VPC_ID}.
     *
     * @throws BerthException when no earlier provider published it
     */
    Object reference(String key);
}
