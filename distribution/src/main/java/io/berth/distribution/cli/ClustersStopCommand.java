package io.berth.distribution.cli;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterService;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Stops a cluster by terminating its instances. */
@Dependent
@Unremovable
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Terminate the instances of a running cluster. The reaper removes its fleet and launch template"
                + " on its next pass. Exit 0, 2 bad input or no such cluster, 3 cloud error.")
public class ClustersStopCommand implements Callable<Integer> {

    @Inject
    ClusterService clusters;

    @Mixin
    ConfigOption config;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The cluster to stop.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploymentConfig deployment = config.load();
        try {
            clusters.fleet(deployment).stop(deployment, name);
        } catch (InvalidConfigException e) {
            throw ClusterOptions.withOptionName(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Terminated the instances of cluster %s. The reaper removes its fleet and launch template on its"
                + " next pass.%n", name);
        out.flush();
        return 0;
    }
}
