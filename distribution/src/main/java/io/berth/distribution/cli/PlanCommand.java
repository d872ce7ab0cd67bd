package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.berth.api.ActiveProviders;
import io.berth.api.Plan;
import io.berth.api.SetupService;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.platform.Platform;
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

/** Shows what apply would create or adopt, the generated documents' summary, and the findings. */
@Dependent
@Unremovable
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would create or adopt, the generated IAM roles and the findings. "
                + "Needs no AWS account. Exit 0 when clean, 1 with findings at or above rules.failOn, 2 on bad input.")
public class PlanCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    enum OutputFormat { text, json }

    @Override
    public Integer call() throws Exception {
        DeploymentConfig deployment = config.load();
        platform.watchDeployFolder();
        ActiveProviders providers = platform.providers().activeFor(deployment);
        Plan plan = platform.setup().plan(deployment, providers);

        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(PlanDocument.of(plan, providers.network().name())));
            out.flush();
        } else {
            PlanReport.print(plan, providers.network().name(), out);
        }
        return plan.hasFindingsAtOrAbove(Severity.fromId(deployment.rules().failOn())) ? CommandLines.FINDINGS : 0;
    }
}
