package io.berth.distribution.cli;

import io.berth.api.ActiveProviders;
import io.berth.api.Plan;
import io.berth.api.PlanRefusedException;
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

/** Plans, checks, then creates the deployment; refuses on findings. */
@Dependent
@Unremovable
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Plan, check, then create or update the deployment. Safe to run again: it resumes and converges. "
                + "Exit 0 done, 1 refused on findings, 2 bad input, 3 cloud error.")
public class ApplyCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Mixin
    ConfigOption config;

    @Option(names = "--yes", description = "Apply without asking for confirmation.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploymentConfig deployment = config.load();
        platform.watchDeployFolder();
        ActiveProviders providers = platform.providers().activeFor(deployment);
        SetupService setup = platform.setup();
        PrintWriter out = spec.commandLine().getOut();

        if (!yes) {
            Plan plan = setup.plan(deployment, providers);
            PlanReport.print(plan, providers.network().name(), out);
            if (plan.hasFindingsAtOrAbove(Severity.fromId(deployment.rules().failOn()))) {
                return refused(out);
            }
            if (!Confirmation.confirmed(false, "Apply deployment " + deployment.deployment() + "?", out)) {
                out.println("Nothing applied.");
                return 0;
            }
        }
        try {
            setup.apply(deployment, providers, new Progress(out));
        } catch (PlanRefusedException e) {
            PlanReport.printFindings(e.findings(), Severity.fromId(deployment.rules().failOn()), out);
            throw e;
        }
        return 0;
    }

    private int refused(PrintWriter out) {
        out.println("Apply refused: fix the findings above first. Nothing was created.");
        out.flush();
        return CommandLines.FINDINGS;
    }
}
