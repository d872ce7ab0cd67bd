package io.berth.reaper;

import io.berth.api.PermissionRequirement;
import io.berth.api.PlannedResource;
import io.berth.api.Provider;
import io.berth.api.ReapDecision;
import io.berth.api.ReaperProvider;
import io.berth.api.config.DeploymentConfig;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Removes idle, expired and orphaned clusters of a deployment, under the Unattended role.
 */
@Component(service = ReaperProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultReaperProvider.NAME)
public final class DefaultReaperProvider implements ReaperProvider {

    static final String NAME = "reaper";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return ReaperPermissions.of(config);
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        // The reaper runs on a schedule; setup creates nothing for it.
        return List.of();
    }

    @Override
    public List<ReapDecision> reap(DeploymentConfig config, boolean dryRun) {
        throw missing("finding and removing forgotten clusters");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException(NAME + " does not implement " + what + " yet");
    }
}
