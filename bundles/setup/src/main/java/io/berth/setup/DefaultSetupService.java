package io.berth.setup;

import io.berth.api.ActiveProviders;
import io.berth.api.BerthException;
import io.berth.api.DeploymentTemplate;
import io.berth.api.Finding;
import io.berth.api.GeneratedRole;
import io.berth.api.PermissionRequirement;
import io.berth.api.Plan;
import io.berth.api.PlanRefusedException;
import io.berth.api.PlannedResource;
import io.berth.api.PolicyChecker;
import io.berth.api.PolicyGenerator;
import io.berth.api.Provider;
import io.berth.api.ResourceNames;
import io.berth.api.ResourceStatus;
import io.berth.api.SetupService;
import io.berth.api.Severity;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsClients;
import io.berth.aws.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Plans, checks, applies and destroys a deployment with the providers the host chose.
 * Apply runs the network and security groups as one chain and the roles beside it, since the
 * roles need nothing from the network; destroy runs the same chains in reverse.
 */
@Component(service = SetupService.class)
public final class DefaultSetupService implements SetupService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSetupService.class);

    @Reference
    private PolicyGenerator generator;

    @Reference
    private PolicyChecker checker;

    @Reference
    private AwsClients aws;

    @Override
    public Plan plan(DeploymentConfig config, ActiveProviders providers) {
        List<PlannedResource> resources = new ArrayList<>();
        List<PermissionRequirement> requirements = new ArrayList<>();
        for (Provider provider : providers.all()) {
            resources.addAll(provider.plan(config));
            requirements.addAll(provider.permissions(config));
        }
        List<GeneratedRole> roles = generator.generate(config, requirements);
        Plan unchecked = new Plan(config, resources, roles, List.of());
        List<Finding> findings = checker.check(unchecked);
        return new Plan(config, resources, roles, findings);
    }

    @Override
    public Plan apply(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress) {
        progress.accept("planning and checking");
        Plan plan = plan(config, providers);
        List<Finding> blocking = blockingFindings(plan);
        if (!blocking.isEmpty()) {
            throw new PlanRefusedException(blocking, Severity.fromId(config.rules().failOn()));
        }

        progress.accept("checking the account before creating anything");
        aws.region(config);
        String caller = AwsErrors.call("sts:GetCallerIdentity", () -> aws.sts(config).getCallerIdentity().arn());
        progress.accept("applying deployment " + config.deployment() + " in " + config.region() + " as " + caller);
        runConcurrently(List.of(providers.network(), providers.securityGroups(), providers.roles()),
                provider -> provider.preflight(config), null);

        SetupContext context = new SetupContext(config, plan.roles(), progress);
        runConcurrently(List.of(
                        () -> {
                            providers.network().apply(context);
                            providers.securityGroups().apply(context);
                        },
                        () -> providers.roles().apply(context)),
                Runnable::run, context);
        LOG.info("applied deployment {} in {}", config.deployment(), config.region());
        progress.accept("deployment " + config.deployment() + " is up to date");
        return plan;
    }

    @Override
    public List<ResourceStatus> status(DeploymentConfig config, ActiveProviders providers) {
        List<GeneratedRole> roles = generateRoles(config, providers);
        aws.region(config);
        List<ResourceStatus> states = new ArrayList<>();
        for (Provider provider : List.of(providers.network(), providers.securityGroups(), providers.roles())) {
            try {
                states.addAll(provider.status(config, roles));
            } catch (SdkException e) {
                throw AwsErrors.translate(provider.name() + " status", e);
            }
        }
        return states;
    }

    @Override
    public void destroy(DeploymentConfig config, ActiveProviders providers, Consumer<String> progress) {
        List<GeneratedRole> roles = generateRoles(config, providers);
        aws.region(config);
        String caller = AwsErrors.call("sts:GetCallerIdentity", () -> aws.sts(config).getCallerIdentity().arn());
        LiveClusters.requireNone(aws.ec2(config), config);
        progress.accept("destroying deployment " + config.deployment() + " in " + config.region() + " as " + caller);
        SetupContext context = new SetupContext(config, roles, progress);
        runConcurrently(List.of(
                        () -> {
                            providers.securityGroups().destroy(context);
                            providers.network().destroy(context);
                        },
                        () -> providers.roles().destroy(context)),
                Runnable::run, context);
        LOG.info("destroyed deployment {} in {}", config.deployment(), config.region());
        progress.accept("deployment " + config.deployment() + " is removed");
    }

    /**
     * Renders the deployment as a CloudFormation template after the same plan and check as
     * apply. The template's IAM documents are generated again from a config whose account and
     * region are pseudo-parameter placeholders, and must equal the checked ones once the
     * placeholders are filled in, so that the template never carries an unchecked document.
     */
    @Override
    public DeploymentTemplate template(DeploymentConfig config, ActiveProviders providers) {
        Plan plan = plan(config, providers);
        List<Finding> blocking = blockingFindings(plan);
        if (!blocking.isEmpty()) {
            throw new PlanRefusedException(blocking, Severity.fromId(config.rules().failOn()), "the template",
                    "no template was written");
        }

        DeploymentConfig templateConfig = ResourceNames.forTemplate(config);
        List<GeneratedRole> templateRoles = generateRoles(templateConfig, providers);
        requireSameDocuments(config, plan.roles(), templateRoles);
        DeploymentTemplate template = new TemplateRenderer(templateConfig, templateRoles)
                .render(plan, List.of(providers.network(), providers.securityGroups(), providers.roles()));
        LOG.debug("rendered the template of deployment {} with {} finding(s) below rules.failOn",
                config.deployment(), plan.findings().size());
        return template;
    }

    private static List<Finding> blockingFindings(Plan plan) {
        Severity threshold = Severity.fromId(plan.config().rules().failOn());
        return plan.findings().stream().filter(finding -> finding.severity().isAtLeast(threshold)).toList();
    }

    /**
     * Checks that each template document, with the placeholders filled in from the config, is
     * the document that was checked. A provider that builds an ARN from the region or account
     * without {@link ResourceNames} would fail here rather than put the configured values into a
     * template meant for any account.
     */
    private static void requireSameDocuments(DeploymentConfig config, List<GeneratedRole> checked, List<GeneratedRole> template) {
        for (GeneratedRole templateRole : template.stream().filter(role -> role.kind().isRuntime()).toList()) {
            GeneratedRole checkedRole = checked.stream().filter(role -> role.kind() == templateRole.kind()).findFirst()
                    .orElseThrow(() -> new BerthException("the checked plan has no " + templateRole.kind() + " role", ""));
            boolean same = checkedRole.name().equals(PseudoParameters.resolve(templateRole.name(), config))
                    && checkedRole.policy().equals(PseudoParameters.resolve(templateRole.policy(), config))
                    && Objects.equals(checkedRole.trustPolicy(), PseudoParameters.resolve(templateRole.trustPolicy(), config));
            if (!same) {
                throw new BerthException("the template's IAM documents of the " + templateRole.kind()
                        + " role differ from the checked ones once the account and region are filled in, so no template"
                        + " was written", "a provider builds an ARN from the region or account without ResourceNames;"
                        + " compare `berth policies` with the template to find it");
            }
        }
    }

    private List<GeneratedRole> generateRoles(DeploymentConfig config, ActiveProviders providers) {
        List<PermissionRequirement> requirements = new ArrayList<>();
        providers.all().forEach(provider -> requirements.addAll(provider.permissions(config)));
        return generator.generate(config, requirements);
    }

    /**
     * Runs each item on its own thread and waits for all. When one fails, the steps waiting on
     * its outputs are released, and the first failure is thrown once every step has stopped.
     */
    private static <T> void runConcurrently(List<T> items, Consumer<T> action, SetupContext context) {
        ExecutorService threads = Executors.newFixedThreadPool(items.size());
        try {
            List<CompletableFuture<Void>> steps = new ArrayList<>();
            for (T item : items) {
                steps.add(CompletableFuture.runAsync(() -> translated(() -> action.accept(item)), threads).whenComplete((ignored, failure) -> {
                    if (failure != null && context != null) {
                        context.abort(failure instanceof CompletionException ? failure.getCause() : failure);
                    }
                }));
            }
            RuntimeException first = null;
            for (CompletableFuture<Void> step : steps) {
                try {
                    step.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : new BerthException(String.valueOf(e.getCause()), "", e.getCause());
                    if (first == null || isWaitingFailure(first)) {
                        first = cause;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Runs a step, turning an SDK failure into Berth's error with the fix. */
    private static void translated(Runnable step) {
        try {
            step.run();
        } catch (SdkException e) {
            throw AwsErrors.translate("apply step", e);
        }
    }

    /** Returns whether the step failed only because another step did, which is less useful to report. */
    private static boolean isWaitingFailure(RuntimeException failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("stopped waiting for");
    }
}
