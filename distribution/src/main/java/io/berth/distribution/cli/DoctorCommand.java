package io.berth.distribution.cli;

import io.berth.api.DiagnosticCheck;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.doctor.HostDiagnostics;
import io.berth.distribution.platform.Platform;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks that Berth can work here: AWS access, the rule engine and the bundles. */
@Dependent
@Unremovable
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the region, endpoint, credentials, caller identity, rule engine and bundles. "
                + "Exits 1 when any check fails, and prints how to fix it.")
public class DoctorCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Inject
    HostDiagnostics diagnostics;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The deployment config (berth.yaml) whose region and rule engine to check. "
                    + "Without it, the region comes from the AWS SDK's default region chain.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        platform.watchDeployFolder();
        List<DiagnosticCheck> checks = new ArrayList<>();

        Optional<DeploymentConfig> deployment = Optional.empty();
        if (config != null) {
            try {
                deployment = Optional.of(ConfigLoader.load(config));
                checks.add(DiagnosticCheck.passed("config", config + ", deployment " + deployment.get().deployment()));
            } catch (InvalidConfigException e) {
                checks.add(DiagnosticCheck.failed("config", e.getMessage(), e.fix()));
                checks.add(diagnostics.bundles());
                return print(checks);
            }
        }
        checks.addAll(diagnostics.run(deployment));
        return print(checks);
    }

    private int print(List<DiagnosticCheck> checks) {
        PrintWriter out = spec.commandLine().getOut();
        for (DiagnosticCheck check : checks) {
            out.printf("%-16s %-4s %s%n", check.name(), check.ok() ? "ok" : "FAIL", check.detail());
            if (!check.ok() && !check.fix().isEmpty()) {
                out.printf("%-16s %-4s fix: %s%n", "", "", check.fix());
            }
        }
        long failed = checks.stream().filter(check -> !check.ok()).count();
        out.println();
        out.println(failed == 0 ? "All " + checks.size() + " checks passed."
                : failed + " of " + checks.size() + " checks failed.");
        out.flush();
        return failed == 0 ? 0 : CommandLines.FINDINGS;
    }
}
