package io.berth.distribution.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.ActiveProviders;
import io.berth.api.CompanyRules;
import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.Plan;
import io.berth.api.SetupService;
import io.berth.api.RoleKind;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.config.JsonErrors;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ServiceType;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Checks IAM documents against the company rules: the documents generated for the deployment,
 * or the IAM policy files given on the command line.
 */
@Dependent
@Unremovable
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the generated IAM documents, or the IAM policy files given, against the company rules.",
                "Exit status: 0 when no finding is at or above rules.failOn, 1 when one is, 2 on bad input",
                "or when the rules cannot be evaluated."})
public class CheckCommand implements Callable<Integer> {

    /** How long the command waits for the rules bundle's service after the framework starts. */
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Platform platform;

    @Inject
    ObjectMapper json;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The deployment config (berth.yaml).")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FindingsWriter.Format format;

    @Option(names = "--role", paramLabel = "KIND", defaultValue = "user-initiated",
            description = "The role kind the policy files are meant for: deployer, user-initiated, unattended"
                    + " or worker (default: ${DEFAULT-VALUE}). Rules such as data-access-outside-worker depend on it.")
    String role;

    @Parameters(paramLabel = "POLICY.json", arity = "0..*",
            description = "IAM policy documents to check instead of the generated ones.")
    List<Path> policyFiles = new ArrayList<>();

    @Override
    public Integer call() {
        DeploymentConfig deployment = ConfigLoader.load(config);
        Severity failOn = failOn(deployment);
        RoleKind kind = roleKind();
        List<PolicyFile> policies = readPolicyFiles();

        CompanyRules rules = platform.providers().awaitService(ServiceType.COMPANY_RULES, CompanyRules.class,
                SERVICE_TIMEOUT);
        List<FindingsWriter.Checked> checked = new ArrayList<>();
        if (policies.isEmpty()) {
            // The setup service's plan carries the built-in findings and the company rules' findings.
            Plan plan = generatedPlan(deployment);
            checked.add(new FindingsWriter.Checked(config.toString(), plan.findings()));
        } else {
            for (PolicyFile policy : policies) {
                checked.add(new FindingsWriter.Checked(policy.path().toString(),
                        rules.evaluatePolicy(kind, policy.json(), deployment.rules())));
            }
        }

        PrintWriter out = spec.commandLine().getOut();
        new FindingsWriter(json, failOn).write(format, checked, out);
        out.flush();
        boolean refused = checked.stream()
                .flatMap(check -> check.findings().stream())
                .anyMatch(finding -> finding.severity().isAtLeast(failOn));
        return refused ? CommandLines.FINDINGS : 0;
    }

    private static Severity failOn(DeploymentConfig deployment) {
        try {
            return Severity.fromId(deployment.rules().failOn());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("rules.failOn", "unknown severity '" + deployment.rules().failOn() + "'",
                    "use error or warning");
        }
    }

    private RoleKind roleKind() {
        try {
            return RoleKind.fromId(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--role", e.getMessage(), "pass one of the role kinds");
        }
    }

    private record PolicyFile(Path path, String json) {
    }

    /** Reads every policy file before anything is evaluated, so that a bad file is reported alone. */
    private List<PolicyFile> readPolicyFiles() {
        List<PolicyFile> files = new ArrayList<>();
        for (Path file : policyFiles) {
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new InvalidConfigException(file.toString(), "file not found", "pass the path of an IAM policy document");
            } catch (IOException e) {
                throw new InvalidConfigException(file.toString(), "could not be read: " + e.getMessage(),
                        "check the file's permissions");
            }
            JsonNode document;
            try {
                document = json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidConfigException(file.toString(), "is not valid JSON " + JsonErrors.describe(e),
                        "fix the JSON syntax of the policy document");
            }
            if (document == null || !document.isObject() || !document.has("Statement")) {
                throw new InvalidConfigException(file.toString(), "is not an IAM policy document: it has no Statement",
                        "pass a policy such as {\"Version\": \"2012-10-17\", \"Statement\": [...]}");
            }
            files.add(new PolicyFile(file, text));
        }
        return files;
    }

    /** Plans the deployment with the active providers, as `berth plan` does, findings included. */
    private Plan generatedPlan(DeploymentConfig deployment) {
        ActiveProviders providers = platform.providers().activeFor(deployment);
        SetupService setup = platform.providers().awaitService(ServiceType.SETUP, SetupService.class, SERVICE_TIMEOUT);
        return setup.plan(deployment, providers);
    }
}
