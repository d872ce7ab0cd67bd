package io.berth.api;

/**
 * Creates the runtime roles from the generated IAM documents, and the worker instance profile.
 * It puts {@link DeploymentContext#WORKER_INSTANCE_PROFILE_ARN} into the context.
 */
public interface RoleProvider extends Provider {

    void apply(DeploymentContext context);

    void destroy(DeploymentContext context);
}
