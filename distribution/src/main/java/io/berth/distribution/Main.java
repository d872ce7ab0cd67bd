package io.berth.distribution;

import io.berth.api.InvalidConfigException;
import io.berth.distribution.cli.CommandLines;
import io.berth.distribution.config.LaunchSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.HashMap;
import java.util.Map;

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
        if (!serve) {
            // Set before boot: these are read when Quarkus starts, and a CLI command must
            // neither take the server's port nor print the server's start-up log.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("berth.platform.start-on-boot", "false");
            System.setProperty("quarkus.log.console.level", System.getProperty("berth.log.level", "WARN"));
            // Warnings go to standard error, so that --format json output on standard output stays parseable.
            System.setProperty("quarkus.log.console.stderr", "true");
        }

        Map<String, String> settings;
        try {
            settings = LaunchSettings.forCommandLine(args, systemProperties(), System.getenv());
        } catch (InvalidConfigException e) {
            // The server refuses to start on a bad config rather than serve with part of it.
            System.err.println("error: " + e.getMessage());
            if (!e.fix().isEmpty()) {
                System.err.println("fix: " + e.fix());
            }
            System.exit(CommandLines.BAD_INPUT);
            return;
        }
        settings.forEach(System::setProperty);
        Quarkus.run(BerthApplication.class, args);
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }
}
