package io.berth.distribution.cli;

import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the commands that work on one deployment. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The deployment config, such as examples/quickstart.yaml.")
    Path file;

    public DeploymentConfig load() {
        return ConfigLoader.load(file);
    }

    public Path file() {
        return file;
    }
}
