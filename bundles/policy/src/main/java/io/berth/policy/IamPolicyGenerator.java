package io.berth.policy;

import io.berth.api.GeneratedRole;
import io.berth.api.PermissionRequirement;
import io.berth.api.PolicyGenerator;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Builds one identity policy and one trust policy per role kind from the permission
 * requirements of the active providers.
 */
@Component(service = PolicyGenerator.class)
public final class IamPolicyGenerator implements PolicyGenerator {

    @Override
    public List<GeneratedRole> generate(DeploymentConfig config, List<PermissionRequirement> requirements) {
        throw new UnsupportedOperationException("policy does not implement IAM document generation yet");
    }
}
