package io.berth.setup;

import io.berth.api.ActiveProviders;
import io.berth.api.Plan;
import io.berth.api.SetupService;
import io.berth.api.config.DeploymentConfig;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;

/**
 * Plans, checks, applies and destroys a deployment with the active providers.
 */
@Component(service = SetupService.class)
public final class DefaultSetupService implements SetupService {

    @Override
    public Plan plan(DeploymentConfig config, ActiveProviders providers) {
        throw missing("planning");
    }

    @Override
    public Plan apply(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress) {
        throw missing("apply");
    }

    @Override
    public void destroy(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress) {
        throw missing("destroy");
    }

    private static UnsupportedOperationException missing(String what) {
        return new UnsupportedOperationException("setup does not implement " + what + " yet");
    }
}
