package io.berth.distribution.cli;

import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.platform.Platform;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the admin server until the process is stopped. */
@Dependent
@Unremovable
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the admin server. It binds to 127.0.0.1:8080 unless QUARKUS_HTTP_HOST or QUARKUS_HTTP_PORT say otherwise.")
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    @Inject
    Platform platform;

    @Option(names = "--config", paramLabel = "FILE", description = "The deployment config (berth.yaml) the server works on.")
    Path config;

    @Override
    public Integer call() {
        if (config != null) {
            ConfigLoader.load(config);
        }
        LOG.infof("admin server running; deploy folder %s", platform.deployFolder());
        Quarkus.waitForExit();
        return 0;
    }
}
