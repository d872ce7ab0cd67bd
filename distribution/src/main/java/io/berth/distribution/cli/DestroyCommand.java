package io.berth.distribution.cli;

import io.berth.api.ActiveProviders;
import io.berth.api.SetupService;
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

/** Removes everything tagged with the deployment, leaving adopted resources alone. */
@Dependent
@Unremovable
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Remove everything the deployment created, in reverse order. Adopted resources are left alone. "
                + "Exit 0 done, 2 bad input, 3 cloud error.")
public class DestroyCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Mixin
    ConfigOption config;

    @Option(names = "--yes", description = "Destroy without asking for confirmation.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploymentConfig deployment = config.load();
        PrintWriter out = spec.commandLine().getOut();
        if (!Confirmation.confirmed(yes, "Destroy everything of deployment " + deployment.deployment() + " in "
                + deployment.region() + "?", out)) {
            out.println("Nothing destroyed.");
            return 0;
        }
        platform.watchDeployFolder();
        ActiveProviders providers = platform.providers().activeFor(deployment);
        platform.setup().destroy(deployment, providers, new Progress(out));
        return 0;
    }
}
