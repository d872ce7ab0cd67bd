package io.berth.distribution.policies;

import io.berth.api.ActiveProviders;
import io.berth.api.GeneratedRole;
import io.berth.api.PolicyGenerator;
import io.berth.api.Provider;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ProviderRegistry;
import io.berth.distribution.platform.ServiceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Generates a deployment's IAM documents from the providers that are active right now, so that a
 * bundle installed or swapped while the host runs changes the next result. Nothing here calls AWS.
 */
@ApplicationScoped
public class PolicyDocuments {

    @Inject
    Platform platform;

    /**
     * The documents of every role kind, and the names of the providers they came from.
     *
     * @param roles     one entry per role kind, in the order of {@link RoleKind}
     * @param providers the names of the active providers, in apply order
     */
    public record Generated(List<GeneratedRole> roles, List<String> providers) {

        /** Returns the documents of one role kind only. */
        public Generated only(RoleKind kind) {
            return new Generated(roles.stream().filter(role -> role.kind() == kind).toList(), providers);
        }
    }

    public Generated generate(DeploymentConfig config) {
        ProviderRegistry registry = platform.providers();
        ActiveProviders providers = registry.activeFor(config);
        PolicyGenerator generator = registry.service(ServiceType.POLICY_GENERATOR, PolicyGenerator.class);

        List<GeneratedRole> roles = generator.generate(config, providers);
        return new Generated(roles, providers.all().stream().map(Provider::name).toList());
    }
}
