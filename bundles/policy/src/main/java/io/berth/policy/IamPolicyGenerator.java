package io.berth.policy;

import io.berth.api.Condition;
import io.berth.api.GeneratedRole;
import io.berth.api.GeneratedRole.StatementReason;
import io.berth.api.PermissionRequirement;
import io.berth.api.PolicyGenerator;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsRegions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Builds one identity policy and one trust policy per role kind from the permission
 * requirements of the active providers, with the AWS SDK's IAM Policy Builder.
 *
 * <p>The output depends only on the config and the set of requirements, not on their order:
 * statements are sorted by Sid, and actions, resources and conditions within a statement are
 * sorted. The SDK's writer keeps that order.
 */
@Component(service = PolicyGenerator.class)
public final class IamPolicyGenerator implements PolicyGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(IamPolicyGenerator.class);

    static final String DESCRIBE_NOTE = "no resource-level scoping in IAM for these Describe actions";

    @Override
    public List<GeneratedRole> generate(DeploymentConfig config, List<PermissionRequirement> requirements) {
        // The region goes into every ARN, so a misspelt one fails before any document is made. A
        // template's documents are generated with the placeholder of its AWS::Region instead.
        if (!ResourceNames.TEMPLATE_REGION.equals(config.region())) {
            AwsRegions.requireKnown(config);
        }
        Map<RoleKind, List<PermissionRequirement>> byRole = new EnumMap<>(RoleKind.class);
        for (RoleKind kind : RoleKind.values()) {
            byRole.put(kind, new ArrayList<>());
        }
        requirements.forEach(requirement -> byRole.get(requirement.role()).add(requirement));
        byRole.get(RoleKind.DEPLOYER).add(callerIdentity());
        byRole.get(RoleKind.DEPLOYER).add(liveClusterCheck());

        List<GeneratedRole> roles = new ArrayList<>();
        for (RoleKind kind : RoleKind.values()) {
            roles.add(role(config, kind, StatementMerger.merge(byRole.get(kind))));
        }
        LOG.debug("generated IAM documents of deployment {} from {} requirements", config.deployment(),
                requirements.size());
        return roles;
    }

    /** Setup itself calls STS to learn the account it works in, whichever bundles are active. */
    private static PermissionRequirement callerIdentity() {
        return PermissionRequirement.builder(RoleKind.DEPLOYER, "ReadCallerIdentity")
                .reason("setup reads the caller's account before the first change, to look up the account id"
                        + " when accountId is not configured and to confirm it otherwise")
                .scoping("no resource-level scoping in IAM for sts:GetCallerIdentity")
                .actions("sts:GetCallerIdentity")
                .resources("*")
                .build();
    }

    /** Destroy looks for running cluster instances first, whichever bundles are active. */
    private static PermissionRequirement liveClusterCheck() {
        return PermissionRequirement.builder(RoleKind.DEPLOYER, "FindLiveClusters")
                .reason("destroy lists the deployment's cluster instances that have not ended, and deletes nothing"
                        + " while one runs, because without the roles nobody could reap it")
                .scoping("no resource-level scoping in IAM for these Describe actions")
                .actions("ec2:DescribeInstances")
                .resources("*")
                .build();
    }

    private static GeneratedRole role(DeploymentConfig config, RoleKind kind, List<MergedStatement> statements) {
        IamPolicy.Builder policy = IamPolicy.builder().version(TrustPolicies.POLICY_VERSION);
        List<StatementReason> reasons = new ArrayList<>();
        for (MergedStatement statement : statements) {
            policy.addStatement(toIam(statement));
            reasons.add(new StatementReason(statement.sid(), statement.reason(), scoping(statement),
                    isAddition(kind, statement)));
        }
        return new GeneratedRole(
                kind,
                ResourceNames.roleName(config, kind),
                config.roles().path(),
                TrustPolicies.of(config, kind).toJson(),
                statements.isEmpty() ? EmptyPolicies.EMPTY_POLICY : policy.build().toJson(),
                config.roles().permissionBoundary(),
                kind == RoleKind.WORKER ? ResourceNames.instanceProfileName(config) : null,
                reasons);
    }

    private static IamStatement toIam(MergedStatement statement) {
        IamStatement.Builder iam = IamStatement.builder()
                .sid(statement.sid())
                .effect(IamEffect.ALLOW)
                .actionIds(statement.actions())
                .resourceIds(statement.resources());
        List<IamCondition> conditions = new ArrayList<>();
        for (Condition condition : statement.conditions()) {
            conditions.addAll(IamCondition.createAll(condition.operator(), condition.key(), condition.values()));
        }
        return iam.conditions(conditions).build();
    }

    /** Returns the provider's own scoping note, else one derived from the statement. */
    private static String scoping(MergedStatement statement) {
        if (!statement.scoping().isBlank()) {
            return statement.scoping();
        }
        if (!statement.resources().equals(List.of("*"))) {
            return statement.conditions().isEmpty()
                    ? "only the listed resources"
                    : "only the listed resources, under the listed conditions";
        }
        if (statement.actions().stream().allMatch(UnscopedActions::isDescribe)) {
            return DESCRIBE_NOTE;
        }
        if (statement.actions().stream().allMatch(UnscopedActions::isUnscoped)) {
            return "no resource-level scoping in IAM for " + String.join(", ", statement.actions());
        }
        return "not scoped: every resource";
    }

    /** Returns whether a runtime role's statement grants an action beyond the role's baseline list. */
    private static boolean isAddition(RoleKind kind, MergedStatement statement) {
        return kind.isRuntime()
                && statement.actions().stream().anyMatch(action -> !BaselinePermissions.contains(kind, action));
    }
}
