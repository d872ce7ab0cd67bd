package io.berth.distribution;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code berth} executable. {@code serve} runs the admin server; every other command runs
 * in-process with no HTTP listener and exits.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        boolean serve = args.length > 0 && "serve".equals(args[0]);
        if (serve) {
            // The admin API reads the deployment config through this setting, which must be set
            // before boot because config properties are read when Quarkus starts.
            configOption(args).ifPresent(file -> System.setProperty("berth.config", Path.of(file).toAbsolutePath().toString()));
        } else {
            // Set before boot: these are read when Quarkus starts, and a CLI command must
            // neither take the server's port nor print the server's start-up log.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("berth.platform.start-on-boot", "false");
            System.setProperty("quarkus.log.console.level", System.getProperty("berth.log.level", "WARN"));
            // Warnings go to standard error, so that --format json output on standard output stays parseable.
            System.setProperty("quarkus.log.console.stderr", "true");
        }
        Quarkus.run(BerthApplication.class, args);
    }

    /** Returns the value of {@code --config FILE} or {@code --config=FILE}, if the arguments have one. */
    static Optional<String> configOption(String... args) {
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                return Optional.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(args[i].substring("--config=".length()));
            }
        }
        return Optional.empty();
    }
}
