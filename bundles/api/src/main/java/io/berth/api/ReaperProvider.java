package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;

/** Finds idle, expired or orphaned clusters of a deployment and removes them under the Unattended role. */
public interface ReaperProvider extends Provider {

    List<ReapDecision> reap(DeploymentConfig config, boolean dryRun);
}
