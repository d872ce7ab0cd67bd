package io.berth.distribution.cli;

import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.policies.PolicyDocuments;
import io.berth.distribution.policies.PolicyJson;
import io.berth.distribution.policies.PolicyReport;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Prints the IAM documents generated for a deployment, without calling AWS. */
@Dependent
@Unremovable
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = "Print the IAM documents generated from the active bundles: the trust and identity policy of"
                + " each role, with the reason and scoping of each statement. Works offline, without AWS credentials.")
public class PoliciesCommand implements Callable<Integer> {

    /** Output formats, named as the command line spells them. */
    enum Format { text, json }

    @Inject
    PolicyDocuments documents;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The deployment config (berth.yaml).")
    Path config;

    @Option(names = "--role", paramLabel = "KIND", converter = RoleKindConverter.class,
            description = "Print only this role: deployer, user-initiated, unattended or worker.")
    RoleKind role;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        DeploymentConfig deployment = ConfigLoader.load(config);
        PolicyDocuments.Generated generated = documents.generate(deployment);
        if (role != null) {
            generated = generated.only(role);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(PolicyJson.toPrettyString(PolicyJson.roles(generated.roles())));
            out.flush();
        } else {
            PolicyReport.print(deployment, generated, out);
        }
        return 0;
    }

    /** Reads a role kind by its id, so that a wrong one is a usage error with exit code 2. */
    static final class RoleKindConverter implements ITypeConverter<RoleKind> {
        @Override
        public RoleKind convert(String value) {
            try {
                return RoleKind.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
