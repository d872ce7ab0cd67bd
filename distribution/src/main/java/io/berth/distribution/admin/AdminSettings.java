package io.berth.distribution.admin;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.AdminConfig;
import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.trust.TrustPolicy;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The {@code admin} section of the config file given with {@code --config} (the {@code berth.config}
 * setting): tokens, trusted bundles and body limits. Without a config file the server trusts no
 * token and no bundle.
 */
@ApplicationScoped
public class AdminSettings {

    private static final Logger LOG = Logger.getLogger(AdminSettings.class);

    private record Loaded(AdminConfig admin, TokenAuthenticator tokens, TrustPolicy trust) {
    }

    @ConfigProperty(name = "berth.config")
    Optional<Path> configFile;

    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    private Loaded loaded;

    /** Warns at server start about what the configuration leaves closed. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!serving) {
            return;
        }
        Loaded settings = loaded();
        if (!settings.tokens().hasTokens()) {
            LOG.warnf("no admin tokens are configured%s: every /api/v1 request gets 401. Add admin.tokens "
                    + "(name, role, sha256 of the token) to berth.yaml and start with berth serve --config FILE",
                    configFile.map(file -> " in " + file).orElse(" (no --config given)"));
        }
        if (settings.trust().isEmpty()) {
            LOG.warn("no trusted bundles are configured: nothing is installed from the deploy folder or over the "
                    + "API. Add admin.trust.certificates or admin.trust.sha256 to berth.yaml");
        } else {
            LOG.infof("bundles are trusted by %s", settings.trust().summary());
        }
    }

    public Optional<Path> configFile() {
        return configFile;
    }

    public TokenAuthenticator tokens() {
        return loaded().tokens();
    }

    public TrustPolicy trust() {
        return loaded().trust();
    }

    public long maxBodyBytes() {
        return loaded().admin().maxBodyBytes();
    }

    public long maxBundleBytes() {
        return loaded().admin().maxBundleBytes();
    }

    /**
     * Reads the config file on first use rather than at bean creation, so that an invalid file
     * reaches the caller as the config error it is.
     */
    private synchronized Loaded loaded() {
        if (loaded == null) {
            if (configFile.isEmpty()) {
                loaded = new Loaded(new AdminConfig(List.of()), new TokenAuthenticator(List.of()), TrustPolicy.none());
            } else {
                Path file = configFile.get().toAbsolutePath().normalize();
                try {
                    AdminConfig admin = ConfigLoader.load(file).admin();
                    loaded = new Loaded(admin, new TokenAuthenticator(admin.tokens()), TrustPolicy.from(admin.trust(), file.getParent()));
                } catch (InvalidConfigException e) {
                    if (serving) {
                        throw e;
                    }
                    // A one-shot command reports the invalid config itself; meanwhile the platform
                    // trusts no deploy-folder jar, so that `berth doctor` can still check the bundles.
                    loaded = new Loaded(new AdminConfig(List.of()), new TokenAuthenticator(List.of()), TrustPolicy.none());
                }
            }
        }
        return loaded;
    }
}
