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
}
