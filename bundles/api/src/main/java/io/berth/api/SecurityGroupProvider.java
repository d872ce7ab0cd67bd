package io.berth.api;

/**
 * Provides the security groups of both modes in the deployment's VPC. It puts
 * {@link DeploymentContext#DIRECT_SECURITY_GROUP_ID} and {@link DeploymentContext#PROXY_SECURITY_GROUP_ID}
 * into the context.
 */
public interface SecurityGroupProvider extends Provider {

    void apply(DeploymentContext context);

    void destroy(DeploymentContext context);
}
