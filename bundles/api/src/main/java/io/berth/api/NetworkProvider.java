package io.berth.api;

/**
 * Provides the deployment's VPC and subnets, by creating them or by adopting existing ones.
 * It puts {@link DeploymentContext#VPC_ID} and {@link DeploymentContext#SUBNET_IDS} into the context.
 * Its {@link #template template} publishes the same two keys as references: the VPC as one value
 * and the subnets as a list value, such as {@code [{"Ref": "SubnetA"}, {"Ref": "SubnetB"}]}.
 */
public interface NetworkProvider extends Provider {

    void apply(DeploymentContext context);

    /** Removes what this provider created; an adopting provider removes nothing. */
    void destroy(DeploymentContext context);
}
