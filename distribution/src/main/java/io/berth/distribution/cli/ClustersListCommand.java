package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.Cluster;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterService;
import io.berth.distribution.clusters.ClusterView;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the running clusters, read from their tags. */
@Dependent
@Unremovable
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the deployment's running clusters, read from the tags of their instances and launch"
                + " templates. Exit 0, 2 bad input, 3 cloud error.")
public class ClustersListCommand implements Callable<Integer> {

    @Inject
    ClusterService clusters;

    @Inject
    ObjectMapper json;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    PlanCommand.OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeploymentConfig deployment = config.load();
        List<Cluster> running = clusters.fleet(deployment).list(deployment);

        PrintWriter out = spec.commandLine().getOut();
        if (format == PlanCommand.OutputFormat.json) {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                    "deployment", deployment.deployment(),
                    "clusters", running.stream().map(ClusterView::of).toList())));
        } else if (running.isEmpty()) {
            out.printf("No cluster is running in deployment %s.%n", deployment.deployment());
        } else {
            out.printf("Clusters running in deployment %s:%n", deployment.deployment());
            running.forEach(cluster -> ClusterOptions.print(cluster, out));
        }
        out.flush();
        return 0;
    }
}
