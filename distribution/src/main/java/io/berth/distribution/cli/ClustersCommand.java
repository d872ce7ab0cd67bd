package io.berth.distribution.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code berth clusters} group: start, list, stop and touch worker clusters. */
@Command(name = "clusters", mixinStandardHelpOptions = true,
        description = "Start, list and stop worker clusters, and record their activity. They run as the deployment's"
                + " UserInitiated role. Exit 0 done, 2 bad input, 3 cloud error.",
        subcommands = {ClustersStartCommand.class, ClustersListCommand.class, ClustersStopCommand.class,
                ClustersTouchCommand.class})
public class ClustersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: print the usage, as for any other bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLines.BAD_INPUT;
    }
}
