package io.berth.distribution.deployments;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment config the admin server works on, from {@code berth serve --config FILE}. It is
 * read again on each request, so an edited file takes effect without a restart.
 */
@ApplicationScoped
public class ServerConfig {

    /** The setting that {@code berth serve --config} fills in. */
    public static final String PROPERTY = "berth.config";

    @ConfigProperty(name = PROPERTY)
    Optional<String> file;

    /** Returns whether the server was given a deployment config. */
    public boolean isSet() {
        return file.filter(path -> !path.isBlank()).isPresent();
    }

    public DeploymentConfig load() {
        String path = file.orElseThrow(() -> new InvalidConfigException(PROPERTY, "the server has no deployment config",
                "start the server with `berth serve --config FILE`"));
        return ConfigLoader.load(Path.of(path));
    }

    /** The config of the named deployment; a 404 when the server's config is of another one. */
    public DeploymentConfig deployment(String name) {
        DeploymentConfig config = load();
        if (!config.deployment().equals(name)) {
            throw new NotFoundException("no deployment named '" + name + "': this server manages '" + config.deployment() + "'");
        }
        return config;
    }
}
