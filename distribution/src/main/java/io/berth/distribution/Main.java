package io.berth.distribution;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

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
        }
        Quarkus.run(BerthApplication.class, args);
    }
}
