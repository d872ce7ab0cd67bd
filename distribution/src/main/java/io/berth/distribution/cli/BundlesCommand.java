package io.berth.distribution.cli;

import io.berth.distribution.platform.BundleInfo;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ProviderInfo;
import io.berth.distribution.platform.RejectedBundle;
import io.berth.distribution.platform.ServiceTypeStatus;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the installed bundles and the active provider of each service. */
@Dependent
@Unremovable
@Command(name = "bundles", mixinStandardHelpOptions = true,
        description = "List the installed bundles, including the deploy folder's, and the active provider of each service.")
public class BundlesCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Spec
    CommandSpec spec;

    /** Read by Main before boot, as the berth.config setting; declared here so that picocli takes it. */
    @Option(names = "--config", paramLabel = "FILE",
            description = "The config (berth.yaml) whose admin.trust decides which deploy-folder bundles are installed. "
                    + "Without it, no deploy-folder bundle is trusted.")
    Path config;

    @Override
    public Integer call() {
        platform.watchDeployFolder();
        PrintWriter out = spec.commandLine().getOut();

        out.printf("%-4s %-11s %-34s %-16s %s%n", "ID", "STATE", "BUNDLE", "VERSION", "ORIGIN");
        for (BundleInfo bundle : platform.bundles()) {
            out.printf("%-4d %-11s %-34s %-16s %s%n", bundle.id(), bundle.state(), bundle.symbolicName(),
                    bundle.version(), bundle.origin());
            if (bundle.problem() != null) {
                out.printf("     problem: %s%n", bundle.problem());
            }
        }

        List<RejectedBundle> rejected = platform.rejectedBundles();
        if (!rejected.isEmpty()) {
            out.println();
            out.println("NOT INSTALLED");
            for (RejectedBundle jar : rejected) {
                out.printf("%s%n     %s%n", jar.file(), jar.reason());
            }
        }

        out.println();
        out.printf("%-17s %-24s %s%n", "SERVICE", "ACTIVE", "ALTERNATIVES");
        for (ServiceTypeStatus type : platform.providers().status()) {
            String active = type.active() == null ? "(none)" : label(type.active());
            String alternatives = type.alternatives().stream().map(BundlesCommand::label).collect(Collectors.joining(", "));
            out.printf("%-17s %-24s %s%n", type.type(), active, alternatives.isEmpty() ? "-" : alternatives);
        }
        out.flush();
        return 0;
    }

    private static String label(ProviderInfo provider) {
        return provider.ranking() == 0 ? provider.name() : provider.name() + " (ranking " + provider.ranking() + ")";
    }
}
