package io.berth.distribution.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the host finds its bundles and how it watches the deploy folder. */
@ConfigMapping(prefix = "berth.platform")
public interface PlatformSettings {

    /** The folder of the distribution's own bundles, all installed and started at launch. */
    Path bundlesDir();

    /** The folder watched for extra bundles: a jar dropped in is installed, removed is uninstalled. */
    @WithDefault("deploy")
    Path deployDir();

    /** How often the deploy folder is scanned. */
    @WithDefault("1s")
    Duration deployScanInterval();

    /** The folder where bundles uploaded over the admin API are kept across restarts. */
    @WithDefault("${berth.data-dir}/bundles")
    Path uploadDir();

    /** The framework's storage folder; a new temporary folder per process when absent. */
    Optional<Path> storageDir();

    /** Whether the framework starts with the host; the CLI starts it only for commands that need it. */
    @WithDefault("true")
    boolean startOnBoot();
}
