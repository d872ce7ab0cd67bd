package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/**
 * Turns the permission requirements of the active providers into one IAM document per role kind.
 */
public interface PolicyGenerator {

    /**
     * Generates the trust and identity policies of every role kind.
     *
     * @param config       the deployment
     * @param requirements what the active providers need, collected by the caller
     */
    List<GeneratedRole> generate(DeploymentConfig config, List<PermissionRequirement> requirements);

    /**
     * Generates the documents from the requirements of the given providers, collected in apply
     * order, so that swapping a provider changes the documents with it.
     */
    default List<GeneratedRole> generate(DeploymentConfig config, ActiveProviders providers) {
        List<PermissionRequirement> requirements = providers.all().stream()
                .flatMap(provider -> provider.permissions(config).stream())
                .toList();
        return generate(config, requirements);
    }
}
