package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.ReapDecision;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterService;
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

/** Runs one reaper pass and prints what it removed and why. */
@Dependent
@Unremovable
@Command(name = "reap", mixinStandardHelpOptions = true,
        description = "Run one reaper pass as the deployment's Unattended role: remove clusters idle beyond their idle"
                + " timeout or past their max lifetime, and fleets and launch templates with no running instance."
                + " Exit 0 done, 2 bad input, 3 cloud error or a resource that could not be removed.")
public class ReapCommand implements Callable<Integer> {

    @Inject
    ClusterService clusters;

    @Inject
    ObjectMapper json;

    @Mixin
    ConfigOption config;

    @Option(names = "--dry-run", description = "Say what the pass would remove, and remove nothing.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    PlanCommand.OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeploymentConfig deployment = config.load();
        List<ReapDecision> decisions = clusters.reaper(deployment).reap(deployment, dryRun);
        long failed = dryRun ? 0 : decisions.stream().filter(decision -> !decision.removed()).count();

        PrintWriter out = spec.commandLine().getOut();
        if (format == PlanCommand.OutputFormat.json) {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                    "deployment", deployment.deployment(), "dryRun", dryRun, "decisions", decisions)));
        } else {
            printText(deployment, decisions, failed, out);
        }
        out.flush();
        return failed == 0 ? 0 : CommandLines.CLOUD_ERROR;
    }

    private void printText(DeploymentConfig deployment, List<ReapDecision> decisions, long failed, PrintWriter out) {
        out.printf("Reaper pass over deployment %s%s%n", deployment.deployment(), dryRun ? " (dry run: nothing is removed)" : "");
        for (ReapDecision decision : decisions) {
            String verb = dryRun ? "would remove" : decision.removed() ? "removed" : "failed to remove";
            String cluster = decision.cluster() == null ? "" : " (cluster " + decision.cluster() + ")";
            out.printf("  %s %s%s: %s%n", verb, decision.resourceId(), cluster, decision.reason());
        }
        if (decisions.isEmpty()) {
            out.println("Nothing to remove.");
        } else if (dryRun) {
            out.printf("%s would be removed.%n", resources(decisions.size()));
        } else {
            out.printf("Removed %s; %d could not be removed.%n", resources(decisions.size() - failed), failed);
        }
    }

    private static String resources(long count) {
        return count + (count == 1 ? " resource" : " resources");
    }
}
