package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.Cluster;
import io.berth.api.ClusterRequest;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterRequests;
import io.berth.distribution.clusters.ClusterService;
import io.berth.distribution.clusters.ClusterView;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts a worker cluster. */
@Dependent
@Unremovable
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a worker cluster: a launch template and an EC2 Fleet in the deployment's subnets, where"
                + " the instance type is offered. Exit 0 started, 2 bad input (nothing launched), 3 cloud error.")
public class ClustersStartCommand implements Callable<Integer> {

    @Inject
    ClusterService clusters;

    @Inject
    ObjectMapper json;

    @Mixin
    ConfigOption config;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The cluster name: lower-case letters, digits and hyphens, unique among running clusters.")
    String name;

    @Option(names = "--instance-type", required = true, split = ",", paramLabel = "TYPE",
            description = "Instance types in order of preference, such as m5.large,m5a.large. A type not offered in"
                    + " the deployment's availability zones is skipped for the next.")
    List<String> instanceTypes;

    @Option(names = "--count", required = true, paramLabel = "N",
            description = "How many instances, from 1 to workers.maxInstances of the config.")
    int count;

    @Option(names = "--spot", description = "Use Spot capacity instead of On-Demand.")
    boolean spot;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "How long the cluster may stay idle before the reaper removes it, such as 45s, 30m or 2h"
                    + " (default: 1h).")
    String idleTimeout;

    @Option(names = "--max-lifetime", paramLabel = "DURATION",
            description = "How long the cluster may run at most, such as 12h (default: 24h).")
    String maxLifetime;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "direct or proxy: which security group the cluster uses (default: the config's mode).")
    String mode;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    PlanCommand.OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeploymentConfig deployment = config.load();
        Cluster cluster;
        try {
            ClusterRequest request = ClusterRequests.of(name, instanceTypes, count, spot, idleTimeout, maxLifetime, mode);
            cluster = clusters.fleet(deployment).start(deployment, request);
        } catch (InvalidConfigException e) {
            throw ClusterOptions.withOptionName(e);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (format == PlanCommand.OutputFormat.json) {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(ClusterView.of(cluster)));
        } else {
            out.printf("Started cluster %s in deployment %s:%n", cluster.name(), deployment.deployment());
            ClusterOptions.print(cluster, out);
        }
        out.flush();
        return 0;
    }
}
