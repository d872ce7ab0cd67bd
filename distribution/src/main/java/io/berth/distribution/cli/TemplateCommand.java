package io.berth.distribution.cli;

import io.berth.api.ActiveProviders;
import io.berth.api.DeploymentTemplate;
import io.berth.api.PlanRefusedException;
import io.berth.api.SetupService;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.templates.TemplateFiles;
import io.berth.distribution.templates.TemplateFormat;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** Writes the deployment as a CloudFormation template, after the same check as apply. */
@Dependent
@Unremovable
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write what apply would create as one CloudFormation template, for a pipeline that creates"
                + " the stack itself. Works offline. The account, region and partition come from the stack."
                + " Exit 0 written, 1 refused on findings (nothing written), 2 bad input or an unwritable --output.")
public class TemplateCommand implements Callable<Integer> {

    @Inject
    Platform platform;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", converter = FormatConverter.class,
            description = "yaml or json (default: ${DEFAULT-VALUE}).")
    TemplateFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the template to FILE, replacing it in one step, instead of to standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DeploymentConfig deployment = config.load();
        platform.watchDeployFolder();
        ActiveProviders providers = platform.providers().activeFor(deployment);
        SetupService setup = platform.setup();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold = Severity.fromId(deployment.rules().failOn());

        DeploymentTemplate template;
        try {
            template = setup.template(deployment, providers);
        } catch (PlanRefusedException e) {
            PlanReport.printFindings(e.findings(), threshold, "the template", err);
            err.flush();
            throw e;
        }
        if (!template.plan().findings().isEmpty()) {
            PlanReport.printFindings(template.plan().findings(), threshold, "the template", err);
            err.flush();
        }

        String text = format.write(template.document());
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            TemplateFiles.writeAtomically(output, text);
        } catch (IOException e) {
            err.println("error: --output: cannot write " + output + ": " + describe(e));
            err.println("fix: choose a file in an existing folder you can write to, or leave out --output to print the template");
            err.flush();
            return CommandLines.BAD_INPUT;
        }
        err.println("wrote the CloudFormation template of deployment " + deployment.deployment() + " to " + output);
        err.flush();
        return 0;
    }

    /** Returns the cause of a failed write in words, because the JDK's message is often just the path. */
    private static String describe(IOException e) {
        String kind = switch (e.getClass().getSimpleName()) {
            case "NoSuchFileException" -> "the folder does not exist";
            case "AccessDeniedException" -> "permission denied";
            case "NotDirectoryException" -> "a part of the path is not a folder";
            case "FileSystemException" -> "the file system rejected the write";
            default -> null;
        };
        return kind == null ? e.getMessage() : kind + " (" + e.getMessage() + ")";
    }

    /** Reads a format by its name, so that an unknown one is a usage error with exit code 2. */
    static final class FormatConverter implements ITypeConverter<TemplateFormat> {
        @Override
        public TemplateFormat convert(String value) {
            try {
                return TemplateFormat.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
