package io.berth.distribution.cli;

import io.berth.api.Cluster;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterService;
import io.berth.distribution.clusters.Durations;
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

/** Records activity on a cluster, which restarts its idle timeout. */
@Dependent
@Unremovable
@Command(name = "touch", mixinStandardHelpOptions = true,
        description = "Record that a running cluster is in use now, in its berth:last-activity tag, which restarts its"
                + " idle timeout. Exit 0, 2 bad input or no such cluster, 3 cloud error.")
public class ClustersTouchCommand implements Callable<Integer> {

    @Inject
    ClusterService clusters;

    @Mixin
    ConfigOption config;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The cluster in use.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploymentConfig deployment = config.load();
        Cluster cluster;
        try {
            cluster = clusters.fleet(deployment).recordActivity(deployment, name);
        } catch (InvalidConfigException e) {
            throw ClusterOptions.withOptionName(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Recorded activity on cluster %s at %s; idle timeout %s.%n", cluster.name(), cluster.lastActivity(),
                Durations.format(cluster.idleTimeout()));
        out.flush();
        return 0;
    }
}
