package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.berth.api.ActiveProviders;
import io.berth.api.ResourceStatus;
import io.berth.api.SetupService;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.platform.Platform;
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

/** Shows what exists for the deployment and how it differs from the generated state. */
@Dependent
@Unremovable
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what exists now for the deployment, and any drift from the generated state. "
                + "Exit 0 in sync, 1 drift or missing, 2 bad input, 3 cloud error.")
public class StatusCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    PlanCommand.OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeploymentConfig deployment = config.load();
        platform.watchDeployFolder();
        ActiveProviders providers = platform.providers().activeFor(deployment);
        List<ResourceStatus> states = platform.setup()
                .status(deployment, providers);
        boolean inSync = states.stream().allMatch(ResourceStatus::inSync);

        PrintWriter out = spec.commandLine().getOut();
        if (format == PlanCommand.OutputFormat.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(Map.of("deployment", deployment.deployment(), "inSync", inSync, "resources", states)));
        } else {
            out.printf("Deployment %s in %s%n", deployment.deployment(), deployment.region());
            for (ResourceStatus state : states) {
                out.printf("  %-8s %-27s %-26s %-24s %s%n", state.state(), state.type(), state.name(),
                        state.id() == null ? "-" : state.id(), state.detail());
            }
            out.println(inSync ? "In sync with the generated state." : "Out of sync: run `berth apply` to converge.");
        }
        out.flush();
        return inSync ? 0 : CommandLines.FINDINGS;
    }
}
