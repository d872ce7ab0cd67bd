package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * A bundle that owns part of a deployment's AWS footprint. The host picks one provider per
 * service type: the one named in config, else the one with the highest {@code service.ranking}
 * among those that accept the config.
 */
public interface Provider {

    /** Service property naming a provider, such as {@code network.managed}. */
    String NAME_PROPERTY = "berth.provider.name";

    /** The provider's name, equal to its {@link #NAME_PROPERTY} service property. */
    String name();

    /** Returns whether this provider can serve the deployment, as a BYON network provider serves a BYON config. */
    default boolean accepts(DeploymentConfig config) {
        return true;
    }

    /** The IAM permissions this provider's calls need, for every role kind it makes calls under. */
    List<PermissionRequirement> permissions(DeploymentConfig config);

    /** Lists the resources this provider would create or adopt for the deployment, without calling AWS. */
    List<PlannedResource> plan(DeploymentConfig config);

    /**
     * Checks, with read-only calls, what would make apply fail half-way, such as an adopted
     * subnet that does not exist. Apply runs every provider's check before its first create call.
     *
     * @throws BerthException naming the config field and the fix when the deployment cannot be applied
     */
    default void preflight(DeploymentConfig config) {
    }

    /**
     * What exists now of this provider's resources, and how it differs from what apply would
     * make, with read-only calls. Providers that create nothing at setup return an empty list.
     *
     * @param roles the generated IAM documents, which role providers compare with what exists
     */
    default List<ResourceStatus> status(DeploymentConfig config, List<GeneratedRole> roles) {
        return List.of();
    }

    /**
     * Describes what apply would create as CloudFormation resources, without calling AWS, so that
     * a customer's own pipeline can create the deployment. Apply and the template must describe
     * the same resources: the same names, tags and IAM documents.
     *
     * @throws UnsupportedOperationException when the provider cannot describe its resources as a
     *                                       template, which is the default
     */
    default TemplateFragment template(TemplateContext context) {
        throw new UnsupportedOperationException(name() + " cannot describe its resources as a CloudFormation template");
    }
}
