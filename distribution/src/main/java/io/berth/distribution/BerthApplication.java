package io.berth.distribution;

import io.berth.distribution.cli.BerthCommand;
import io.berth.distribution.cli.CommandLines;
import io.quarkus.runtime.QuarkusApplication;

/** Runs one command line through picocli; the return value is the process exit code. */
public final class BerthApplication implements QuarkusApplication {

    @Override
    public int run(String... args) {
        return CommandLines.create(BerthCommand.class).execute(args);
    }
}
