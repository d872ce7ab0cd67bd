package io.berth.reaper;

import io.berth.api.InvalidConfigException;
import io.berth.api.PermissionRequirement;
import io.berth.api.PlannedResource;
import io.berth.api.Provider;
import io.berth.api.ReapDecision;
import io.berth.api.ReaperProvider;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AssumedRoleClients;
import io.berth.aws.AwsClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.RoleSessions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes idle, expired and orphaned clusters of a deployment, under the Unattended role, which
 * it assumes through STS for each pass.
 */
@Component(service = ReaperProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultReaperProvider.NAME)
public final class DefaultReaperProvider implements ReaperProvider {

    static final String NAME = "reaper";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultReaperProvider.class);

    @Reference
    private AwsClients aws;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        return ReaperPermissions.of(config);
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        // The reaper runs on a schedule; setup creates nothing for it.
        return List.of();
    }

    @Override
    public List<ReapDecision> reap(DeploymentConfig config, boolean dryRun) {
        try (AssumedRoleClients role = RoleSessions.open(aws, config, RoleKind.UNATTENDED, Map.of())) {
            confirmAccount(role, config);
            Inventory inventory = new ReaperInventory(role.ec2(), config).read();
            List<Removal> removals = ReapPlanner.plan(config.deployment(), inventory, Instant.now());
            LOG.info("reaper pass over deployment {}: {} instances (ended ones included), {} launch templates, {} fleets; {} to remove{}",
                    config.deployment(), inventory.instances().size(), inventory.templates().size(),
                    inventory.fleets().size(), removals.size(), dryRun ? " (dry run)" : "");

            if (dryRun) {
                return removals.stream().map(removal -> Removals.decision(removal, false, null)).toList();
            }
            return new Removals(role.ec2(), config).execute(removals);
        }
    }

    /** Refuses to remove anything when the role's session is in another account than the config names. */
    private static void confirmAccount(AssumedRoleClients role, DeploymentConfig config) {
        String account = AwsErrors.call("sts:GetCallerIdentity", () -> role.sts().getCallerIdentity().account());
        if (config.accountId() != null && !config.accountId().equals(account)) {
            throw new InvalidConfigException("accountId", "the Unattended role's session is in account " + account
                    + ", but the config names account " + config.accountId(),
                    "correct accountId, or run Berth with credentials of account " + config.accountId());
        }
    }
}
