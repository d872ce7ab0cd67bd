package io.berth.roles;

import io.berth.api.DeploymentContext;
import io.berth.api.GeneratedRole;
import io.berth.api.InvalidConfigException;
import io.berth.api.ResourceStatus;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Creates, updates and removes the runtime roles from their generated documents, and the worker
 * instance profile. A role that exists is compared with what was generated and updated where it
 * drifted. The deployer document is not a role Berth creates: it is for whoever runs apply.
 */
final class RuntimeRoles {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeRoles.class);

    /** The name of the one inline policy Berth puts on each role. */
    static final String POLICY_NAME = "berth";

    private final IamClient iam;
    private final DeploymentConfig config;

    RuntimeRoles(IamClient iam, DeploymentConfig config) {
        this.iam = iam;
        this.config = config;
    }

    void apply(DeploymentContext context) {
        List<GeneratedRole> roles = runtimeRoles(context);
        ExecutorService steps = Executors.newFixedThreadPool(roles.size());
        try {
            List<CompletableFuture<Void>> all = roles.stream()
                    .map(role -> CompletableFuture.runAsync(() -> ensureRole(role, context), steps))
                    .toList();
            all.forEach(RuntimeRoles::join);
        } finally {
            steps.shutdown();
        }
    }

    void destroy(DeploymentContext context) {
        for (GeneratedRole role : runtimeRoles(context)) {
            Optional<Role> existing = findRole(role.name());
            if (existing.isEmpty()) {
                continue;
            }
            requireOwned(existing.get());
            if (role.kind() == RoleKind.WORKER) {
                removeInstanceProfile(role.name(), context);
            }
            try {
                iam.deleteRolePolicy(request -> request.roleName(role.name()).policyName(POLICY_NAME));
            } catch (NoSuchEntityException alreadyGone) {
                LOG.debug("role {} has no inline policy {}", role.name(), POLICY_NAME);
            }
            iam.deleteRole(request -> request.roleName(role.name()));
            changed(context, "deleted role " + role.name());
        }
    }

    List<ResourceStatus> status(List<GeneratedRole> generated) {
        List<ResourceStatus> states = new ArrayList<>();
        for (GeneratedRole role : generated.stream().filter(role -> role.kind().isRuntime()).toList()) {
            states.add(roleStatus(role));
            if (role.kind() == RoleKind.WORKER) {
                states.add(instanceProfileStatus(role.name()));
            }
        }
        return states;
    }

    private ResourceStatus roleStatus(GeneratedRole role) {
        String type = "AWS::IAM::Role";
        String name = role.kind().id() + "-role";
        Optional<Role> existing = findRole(role.name());
        if (existing.isEmpty()) {
            return new ResourceStatus(type, name, null, ResourceStatus.MISSING, "no role named " + role.name());
        }
        List<String> drift = new ArrayList<>();
        if (!samePolicy(decode(existing.get().assumeRolePolicyDocument()), role.trustPolicy())) {
            drift.add("trust policy differs from the generated one");
        }
        String boundary = existing.get().permissionsBoundary() == null ? null
                : existing.get().permissionsBoundary().permissionsBoundaryArn();
        if (role.permissionBoundary() != null && !role.permissionBoundary().equals(boundary)) {
            drift.add("permission boundary is " + boundary + ", config says " + role.permissionBoundary());
        }
        Optional<String> policy = findPolicy(role.name());
        if (isEmpty(role.policy())) {
            policy.ifPresent(found -> drift.add("policy " + POLICY_NAME + " exists, but the generated one grants nothing"));
        } else if (policy.isEmpty()) {
            drift.add("policy " + POLICY_NAME + " is missing");
        } else if (!samePolicy(policy.get(), role.policy())) {
            drift.add("policy " + POLICY_NAME + " differs from the generated one");
        }
        return drift.isEmpty()
                ? new ResourceStatus(type, name, existing.get().arn(), ResourceStatus.PRESENT, "matches the generated documents")
                : new ResourceStatus(type, name, existing.get().arn(), ResourceStatus.DRIFTED, String.join("; ", drift));
    }

    private ResourceStatus instanceProfileStatus(String roleName) {
        String type = "AWS::IAM::InstanceProfile";
        String name = "worker-instance-profile";
        try {
            InstanceProfile profile = iam.getInstanceProfile(request -> request.instanceProfileName(roleName)).instanceProfile();
            return profile.roles().stream().anyMatch(role -> roleName.equals(role.roleName()))
                    ? new ResourceStatus(type, name, profile.arn(), ResourceStatus.PRESENT, "holds role " + roleName)
                    : new ResourceStatus(type, name, profile.arn(), ResourceStatus.DRIFTED, "does not hold role " + roleName);
        } catch (NoSuchEntityException missing) {
            return new ResourceStatus(type, name, null, ResourceStatus.MISSING, "no instance profile named " + roleName);
        }
    }

    static String description(DeploymentConfig config, RoleKind kind) {
        return "Berth " + kind + " role of deployment " + config.deployment();
    }

    private static List<GeneratedRole> runtimeRoles(DeploymentContext context) {
        return context.roles().stream().filter(role -> role.kind().isRuntime()).toList();
    }

    private void ensureRole(GeneratedRole role, DeploymentContext context) {
        Optional<Role> existing = findRole(role.name());
        if (existing.isEmpty()) {
            iam.createRole(request -> request.roleName(role.name())
                    .path(role.path())
                    .assumeRolePolicyDocument(role.trustPolicy())
                    .permissionsBoundary(role.permissionBoundary())
                    .description(description(config, role.kind()))
                    .tags(tags()));
            changed(context, "created role " + role.name());
        } else {
            requireOwned(existing.get());
            updateTrustPolicy(role, existing.get(), context);
            updateBoundary(role, existing.get(), context);
        }
        updatePolicy(role, context);
        if (role.kind() == RoleKind.WORKER) {
            context.putOutput(DeploymentContext.WORKER_INSTANCE_PROFILE_ARN, ensureInstanceProfile(role.name(), role.path(), context));
        }
    }

    private void updateTrustPolicy(GeneratedRole role, Role existing, DeploymentContext context) {
        if (!samePolicy(decode(existing.assumeRolePolicyDocument()), role.trustPolicy())) {
            iam.updateAssumeRolePolicy(request -> request.roleName(role.name()).policyDocument(role.trustPolicy()));
            changed(context, "updated the drifted trust policy of role " + role.name());
        }
    }

    private void updateBoundary(GeneratedRole role, Role existing, DeploymentContext context) {
        String current = existing.permissionsBoundary() == null ? null : existing.permissionsBoundary().permissionsBoundaryArn();
        if (role.permissionBoundary() != null && !role.permissionBoundary().equals(current)) {
            iam.putRolePermissionsBoundary(request -> request.roleName(role.name())
                    .permissionsBoundary(role.permissionBoundary()));
            changed(context, "set permission boundary " + role.permissionBoundary() + " on role " + role.name());
        }
        // NOTE: a boundary removed from config stays on the role; removing one is left to the customer.
    }

    private void updatePolicy(GeneratedRole role, DeploymentContext context) {
        String current = findPolicy(role.name()).orElse(null);
        if (isEmpty(role.policy())) {
            if (current != null) {
                iam.deleteRolePolicy(request -> request.roleName(role.name()).policyName(POLICY_NAME));
                changed(context, "deleted policy " + POLICY_NAME + " from role " + role.name() + ", which now has nothing to grant");
            }
            return;
        }
        if (current == null || !samePolicy(current, role.policy())) {
            iam.putRolePolicy(request -> request.roleName(role.name()).policyName(POLICY_NAME).policyDocument(role.policy()));
            changed(context, (current == null ? "put" : "updated the drifted") + " policy " + POLICY_NAME + " on role " + role.name());
        }
    }

    private String ensureInstanceProfile(String name, String path, DeploymentContext context) {
        InstanceProfile profile;
        try {
            profile = iam.getInstanceProfile(request -> request.instanceProfileName(name)).instanceProfile();
        } catch (NoSuchEntityException missing) {
            profile = iam.createInstanceProfile(request -> request.instanceProfileName(name).path(path).tags(tags()))
                    .instanceProfile();
            changed(context, "created instance profile " + name);
        }
        if (profile.roles().stream().noneMatch(role -> name.equals(role.roleName()))) {
            iam.addRoleToInstanceProfile(request -> request.instanceProfileName(name).roleName(name));
            changed(context, "added role " + name + " to instance profile " + name);
        }
        return profile.arn();
    }

    private void removeInstanceProfile(String name, DeploymentContext context) {
        InstanceProfile profile;
        try {
            profile = iam.getInstanceProfile(request -> request.instanceProfileName(name)).instanceProfile();
        } catch (NoSuchEntityException alreadyGone) {
            return;
        }
        for (Role role : profile.roles()) {
            iam.removeRoleFromInstanceProfile(request -> request.instanceProfileName(name).roleName(role.roleName()));
        }
        iam.deleteInstanceProfile(request -> request.instanceProfileName(name));
        changed(context, "deleted instance profile " + name);
    }

    /** Returns the role's inline policy, decoded, or empty when it has none. */
    private Optional<String> findPolicy(String roleName) {
        try {
            return Optional.of(decode(iam.getRolePolicy(request -> request.roleName(roleName).policyName(POLICY_NAME))
                    .policyDocument()));
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        }
    }

    /**
     * Returns whether a generated policy has no statement. IAM rejects such an inline policy, so
     * a role with nothing to grant, such as the Worker without buckets, gets none.
     */
    static boolean isEmpty(String policyJson) {
        Optional<JsonNode> statement = JsonNode.parser().parse(policyJson).field("Statement");
        return statement.isEmpty() || statement.get().isArray() && statement.get().asArray().isEmpty();
    }

    private Optional<Role> findRole(String name) {
        try {
            return Optional.of(iam.getRole(request -> request.roleName(name)).role());
        } catch (NoSuchEntityException missing) {
            return Optional.empty();
        }
    }

    /** Rejects a role of the same name that another deployment or a person made, so that Berth never changes it. */
    private void requireOwned(Role role) {
        Map<String, String> tags = new java.util.HashMap<>();
        role.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        if (!config.deployment().equals(tags.get(DeploymentConfig.TAG_DEPLOYMENT))) {
            throw new InvalidConfigException("roles.namePrefix",
                    "role " + role.roleName() + " exists but does not carry " + DeploymentConfig.TAG_DEPLOYMENT + "="
                            + config.deployment(), "choose another roles.namePrefix, or remove that role if it is a leftover");
        }
    }

    private List<Tag> tags() {
        return config.resourceTags().entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
    }

    /** IAM returns policy documents URL-encoded. */
    private static String decode(String document) {
        return document == null ? null : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    private static boolean samePolicy(String left, String right) {
        try {
            return IamPolicy.fromJson(left).equals(IamPolicy.fromJson(right));
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private void changed(DeploymentContext context, String message) {
        LOG.info("{} for deployment {}", message, config.deployment());
        context.progress(message);
    }

    private static void join(CompletableFuture<Void> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
