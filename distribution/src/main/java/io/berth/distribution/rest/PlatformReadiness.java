package io.berth.distribution.rest;

import io.berth.distribution.platform.BundleInfo;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ServiceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when every distribution bundle is active and every service type has a provider. */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {

    @Inject
    Platform platform;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("osgi-platform");
        if (!platform.isReady()) {
            response.down();
        } else {
            response.up();
        }
        try {
            String inactive = platform.bundles().stream()
                    .filter(bundle -> "distribution".equals(bundle.origin()) && !"ACTIVE".equals(bundle.state()))
                    .map(BundleInfo::symbolicName)
                    .collect(Collectors.joining(", "));
            String missing = platform.providers().missingTypes().stream()
                    .map(ServiceType::id)
                    .collect(Collectors.joining(", "));
            response.withData("inactiveBundles", inactive).withData("missingServices", missing);
        } catch (RuntimeException e) {
            response.down().withData("error", String.valueOf(e.getMessage()));
        }
        return response.build();
    }
}
