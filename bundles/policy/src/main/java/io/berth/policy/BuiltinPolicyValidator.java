package io.berth.policy;

import io.berth.api.Finding;
import io.berth.api.GeneratedRole;
import io.berth.api.RoleKind;
import io.berth.api.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The checks that run on every generated document before any company rule. It reads the IAM
 * JSON itself, not the requirements behind it, so that it checks what would be created.
 *
 * <p>A finding's target is {@code <kind>/<Sid>} for a statement of the identity policy,
 * {@code <kind>/trust/<Sid>} for a statement of the trust policy and {@code <kind>} for the role.
 */
public final class BuiltinPolicyValidator {

    public static final String WILDCARD_ACTION = "wildcard-action";
    public static final String WILDCARD_RESOURCE = "wildcard-resource";
    public static final String WILDCARD_PRINCIPAL = "wildcard-principal";
    public static final String ALLOW_WITH_NOT_ACTION = "allow-with-not-action";
    public static final String ALLOW_WITH_NOT_RESOURCE = "allow-with-not-resource";
    public static final String PRIVILEGE_ESCALATION = "privilege-escalation";
    public static final String MALFORMED_ARN = "malformed-arn";
    public static final String MALFORMED_POLICY = "malformed-policy";
    public static final String INVALID_SID = "invalid-sid";
    public static final String VARIABLE_IN_PRINCIPAL = "variable-in-principal";
    public static final String WORKER_WITHOUT_BUCKET = "worker-without-bucket";

    /**
     * Actions that let a runtime role give itself or another principal more permissions. A role
     * that runs unattended or on a worker must never hold them.
     */
    private static final Set<String> ESCALATION_ACTIONS = Set.of(
            "iam:addusertogroup", "iam:attachgrouppolicy", "iam:attachrolepolicy", "iam:attachuserpolicy",
            "iam:createaccesskey", "iam:createloginprofile", "iam:createpolicyversion",
            "iam:deleterolepermissionsboundary", "iam:deleteuserpermissionsboundary", "iam:putgrouppolicy",
            "iam:putrolepermissionsboundary", "iam:putrolepolicy", "iam:putuserpermissionsboundary",
            "iam:putuserpolicy", "iam:setdefaultpolicyversion", "iam:updateassumerolepolicy",
            "iam:updateloginprofile");

    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** Checks every role's trust policy, identity policy and permission boundary. */
    public List<Finding> validate(List<GeneratedRole> roles) {
        List<Finding> findings = new ArrayList<>();
        for (GeneratedRole role : roles) {
            findings.addAll(validateRole(role));
        }
        return findings;
    }

    public List<Finding> validateRole(GeneratedRole role) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(validateIdentityPolicy(role.kind(), role.policy()));
        if (role.trustPolicy() != null) {
            findings.addAll(validateTrustPolicy(role.kind(), role.trustPolicy()));
        }
        if (role.permissionBoundary() != null) {
            ArnSyntax.problem(role.permissionBoundary()).ifPresent(problem -> findings.add(new Finding(
                    MALFORMED_ARN, Severity.ERROR, role.kind().id(),
                    "the permission boundary '" + role.permissionBoundary() + "' is not a valid ARN: " + problem,
                    "set roles.permissionBoundary to a policy ARN such as arn:aws:iam::123456789012:policy/boundary")));
        }
        if (role.kind() == RoleKind.WORKER && !grantsS3(role.policy())) {
            findings.add(new Finding(WORKER_WITHOUT_BUCKET, Severity.WARNING, role.kind().id(),
                    "the Worker role may not read or write any bucket, so workers cannot read data",
                    "add the buckets workers read and write under buckets in the config"));
        }
        return findings;
    }

    /** Checks an identity policy of a role of the given kind. */
    public List<Finding> validateIdentityPolicy(RoleKind kind, String policyJson) {
        IamPolicy policy;
        try {
            if (EmptyPolicies.isEmpty(policyJson)) {
                return List.of();
            }
            policy = IamPolicy.fromJson(policyJson);
        } catch (RuntimeException e) {
            return List.of(malformedPolicy(kind.id(), "identity", e));
        }

        List<Finding> findings = new ArrayList<>(sidFindings(kind.id(), policy));
        List<IamStatement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            IamStatement statement = statements.get(i);
            String target = kind.id() + "/" + label(statement, i);
            findings.addAll(arnFindings(target, statement));
            if (IamEffect.ALLOW.equals(statement.effect())) {
                findings.addAll(allowFindings(kind, target, statement));
            }
        }
        return findings;
    }

    /** Checks a trust policy: its principals and statement ids. */
    public List<Finding> validateTrustPolicy(RoleKind kind, String policyJson) {
        IamPolicy policy;
        try {
            policy = IamPolicy.fromJson(policyJson);
        } catch (RuntimeException e) {
            return List.of(malformedPolicy(kind.id() + "/trust", "trust", e));
        }

        List<Finding> findings = new ArrayList<>(sidFindings(kind.id() + "/trust", policy));
        List<IamStatement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            IamStatement statement = statements.get(i);
            String target = kind.id() + "/trust/" + label(statement, i);
            for (IamPrincipal principal : statement.principals()) {
                findings.addAll(principalFindings(target, statement, principal));
            }
        }
        return findings;
    }

    private static List<Finding> allowFindings(RoleKind kind, String target, IamStatement statement) {
        List<Finding> findings = new ArrayList<>();
        List<String> actions = statement.actions().stream().map(IamAction::value).toList();
        List<String> resources = statement.resources().stream().map(IamResource::value).toList();

        if (!statement.notActions().isEmpty()) {
            findings.add(new Finding(ALLOW_WITH_NOT_ACTION, Severity.ERROR, target,
                    "the statement allows every action except those under NotAction, which includes actions"
                            + " added to AWS later",
                    "list the allowed actions under Action instead"));
        }
        if (!statement.notResources().isEmpty()) {
            findings.add(new Finding(ALLOW_WITH_NOT_RESOURCE, Severity.ERROR, target,
                    "the statement allows every resource except those under NotResource",
                    "list the allowed resources under Resource instead"));
        }

        List<String> wildcards = actions.stream().filter(BuiltinPolicyValidator::isPattern).toList();
        if (!wildcards.isEmpty()) {
            findings.add(new Finding(WILDCARD_ACTION, Severity.ERROR, target,
                    "the statement grants actions by wildcard: " + String.join(", ", wildcards),
                    "name each action the calls need"));
        }

        if (resources.contains("*")) {
            List<String> scopable = actions.stream().filter(action -> !UnscopedActions.isUnscoped(action)).toList();
            if (!scopable.isEmpty()) {
                findings.add(new Finding(WILDCARD_RESOURCE, Severity.ERROR, target,
                        "Resource \"*\" grants " + String.join(", ", scopable)
                                + " on every resource, although IAM can scope them to resources",
                        "list the ARNs of the deployment's resources, or a tag condition on them"));
            }
        }

        if (kind.isRuntime()) {
            findings.addAll(escalationFindings(kind, target, actions, resources));
        }
        return findings;
    }

    private static List<Finding> escalationFindings(RoleKind kind, String target, List<String> actions,
            List<String> resources) {
        List<Finding> findings = new ArrayList<>();
        List<String> escalating = actions.stream().filter(BuiltinPolicyValidator::escalates).toList();
        if (!escalating.isEmpty()) {
            findings.add(new Finding(PRIVILEGE_ESCALATION, Severity.ERROR, target,
                    "the runtime role " + kind.id() + " may change permissions with " + String.join(", ", escalating),
                    "remove these actions: only the deployer changes IAM, during apply"));
        }
        boolean passesRole = actions.stream().anyMatch(action -> matches(action, "iam:passrole"));
        if (passesRole && resources.stream().anyMatch(resource -> resource.contains("*"))) {
            findings.add(new Finding(PRIVILEGE_ESCALATION, Severity.ERROR, target,
                    "the runtime role " + kind.id() + " may pass roles matched by a wildcard: "
                            + String.join(", ", resources),
                    "grant iam:PassRole only on the ARN of the role it passes, with an iam:PassedToService condition"));
        }
        return findings;
    }

    private static List<Finding> arnFindings(String target, IamStatement statement) {
        List<Finding> findings = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        statement.resources().stream().map(IamResource::value).filter(value -> !"*".equals(value)).forEach(arns::add);
        statement.notResources().stream().map(IamResource::value).filter(value -> !"*".equals(value)).forEach(arns::add);
        for (IamCondition condition : statement.conditions()) {
            if (condition.operator().value().toLowerCase(Locale.ROOT).contains("arn")) {
                arns.add(condition.value());
            }
        }
        for (String arn : arns) {
            ArnSyntax.problem(arn).ifPresent(problem -> findings.add(new Finding(MALFORMED_ARN, Severity.ERROR, target,
                    "'" + arn + "' is not a valid ARN: " + problem,
                    "write it as arn:partition:service:region:account:resource")));
        }
        return findings;
    }

    private static List<Finding> principalFindings(String target, IamStatement statement, IamPrincipal principal) {
        String id = principal.id();
        if (IamPrincipal.ALL.equals(principal) || "*".equals(id)) {
            return List.of(new Finding(WILDCARD_PRINCIPAL, Severity.ERROR, target,
                    "the trust policy lets any principal assume the role",
                    "name the one principal that assumes the role"));
        }
        if (!IamPrincipalType.AWS.equals(principal.type())) {
            return List.of();
        }
        if (id.contains("${")) {
            return List.of(new Finding(VARIABLE_IN_PRINCIPAL, Severity.WARNING, target,
                    "the principal '" + id + "' contains a policy variable, which IAM does not accept in a"
                            + " Principal, so this trust policy cannot be created as it is",
                    "set accountId in the config"));
        }
        if (ACCOUNT_ID.matcher(id).matches()) {
            return List.of();
        }
        return ArnSyntax.problem(id)
                .map(problem -> List.of(new Finding(MALFORMED_ARN, Severity.ERROR, target,
                        "the principal '" + id + "' is not a valid ARN: " + problem,
                        "name an IAM role, user or account root ARN, such as arn:aws:iam::111122223333:role/name")))
                .orElse(List.of());
    }

    private static List<Finding> sidFindings(String targetPrefix, IamPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<IamStatement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            String sid = statements.get(i).sid();
            String target = targetPrefix + "/" + label(statements.get(i), i);
            if (sid == null || !SID.matcher(sid).matches()) {
                findings.add(new Finding(INVALID_SID, Severity.ERROR, target,
                        sid == null ? "the statement has no Sid" : "the Sid '" + sid + "' has characters other than letters and digits",
                        "give each statement a Sid of letters and digits that says its purpose"));
            } else if (!seen.add(sid)) {
                findings.add(new Finding(INVALID_SID, Severity.ERROR, target,
                        "the Sid '" + sid + "' appears more than once in the policy",
                        "give each statement its own Sid"));
            }
        }
        return findings;
    }

    private static Finding malformedPolicy(String target, String document, RuntimeException e) {
        return new Finding(MALFORMED_POLICY, Severity.ERROR, target,
                "the " + document + " policy is not valid IAM JSON: " + e.getMessage(),
                "fix the JSON so that it has Version and Statement");
    }

    private static boolean grantsS3(String policyJson) {
        try {
            return !EmptyPolicies.isEmpty(policyJson) && IamPolicy.fromJson(policyJson).statements().stream()
                    .filter(statement -> IamEffect.ALLOW.equals(statement.effect()))
                    .flatMap(statement -> statement.actions().stream())
                    .anyMatch(action -> action.value().toLowerCase(Locale.ROOT).startsWith("s3:"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String label(IamStatement statement, int index) {
        return statement.sid() == null ? "statement " + (index + 1) : statement.sid();
    }

    private static boolean isPattern(String action) {
        return action.contains("*") || action.contains("?");
    }

    /** Returns whether the action, or any action its wildcard matches, lets the caller change permissions. */
    private static boolean escalates(String action) {
        return ESCALATION_ACTIONS.stream().anyMatch(escalation -> matches(action, escalation));
    }

    /** Returns whether an action or action pattern of a policy matches a concrete action, ignoring case as IAM does. */
    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT))
                .replace("*", "\\E.*\\Q")
                .replace("?", "\\E.\\Q");
        return action.toLowerCase(Locale.ROOT).matches(regex);
    }
}
