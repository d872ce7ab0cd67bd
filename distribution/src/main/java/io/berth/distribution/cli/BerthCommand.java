package io.berth.distribution.cli;

import picocli.CommandLine.Command;

/** The top-level {@code berth} command. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sets up, runs and cleans up the AWS footprint of a data-compute service.",
        subcommands = {PlanCommand.class, ApplyCommand.class, DestroyCommand.class, StatusCommand.class,
                PoliciesCommand.class, CheckCommand.class, TemplateCommand.class, DoctorCommand.class, ServeCommand.class,
                BundlesCommand.class, ClustersCommand.class, ReapCommand.class})
public final class BerthCommand {
}
