package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;
import java.util.Optional;

/**
 * Checks the cloud side of the set-up for {@code berth doctor}: region, endpoint, credentials
 * and the caller identity. The AWS bundle provides it, because only that bundle loads the SDK.
 */
public interface CloudDiagnostics {

    /**
     * Runs the checks in order and returns one result each. A failure is a result, not an
     * exception: a check that cannot run because an earlier one failed states that in its detail.
     *
     * @param config the deployment config, or empty to use the SDK's default region chain
     */
    List<DiagnosticCheck> check(Optional<DeploymentConfig> config);
}
