package io.berth.fleet;

import io.berth.api.Cluster;
import io.berth.api.ClusterNotFoundException;
import io.berth.api.ClusterRequest;
import io.berth.api.ClusterTags;
import io.berth.api.FleetProvider;
import io.berth.api.InvalidConfigException;
import io.berth.api.PermissionRequirement;
import io.berth.api.PlannedResource;
import io.berth.api.Provider;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AssumedRoleClients;
import io.berth.aws.AwsClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.RoleSessions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Starts worker clusters as a launch template and an EC2 Fleet, under the UserInitiated role,
 * which it assumes through STS for each operation. It publishes the Worker role's requirements
 * too, because it launches the workers.
 */
@Component(service = FleetProvider.class, property = Provider.NAME_PROPERTY + "=" + DefaultFleetProvider.NAME)
public final class DefaultFleetProvider implements FleetProvider {

    static final String NAME = "fleet";

    /** Ids per TerminateInstances and CreateTags call: both take up to 1000, and AWS recommends smaller batches. */
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DefaultFleetProvider.class);

    @Reference
    private AwsClients aws;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PermissionRequirement> permissions(DeploymentConfig config) {
        List<PermissionRequirement> requirements = new ArrayList<>(FleetPermissions.of(config));
        requirements.addAll(WorkerPermissions.of(config));
        return requirements;
    }

    @Override
    public List<PlannedResource> plan(DeploymentConfig config) {
        // Clusters are started at run time; setup creates nothing for them.
        return List.of();
    }

    /** Checks the request, the deployment and the placement first, so that bad input launches nothing. */
    @Override
    public Cluster start(DeploymentConfig config, ClusterRequest request) {
        ClusterRequest valid = ClusterRequests.validate(config, request);
        try (AssumedRoleClients role = userInitiated(config, valid.name())) {
            Ec2Client ec2 = role.ec2();
            DeploymentNetwork network = DeploymentNetwork.find(ec2, config, valid.mode());
            requireNoRunningCluster(new ClusterInventory(ec2, config), config, valid.name());
            Placement placement = Placement.choose(ec2, valid.instanceTypes(), network, config.region());
            WorkerImage image = WorkerImage.resolve(ec2, config, placement.architecture());

            return new ClusterLaunch(ec2, config).launch(valid, network, placement, image);
        }
    }

    @Override
    public List<Cluster> list(DeploymentConfig config) {
        try (AssumedRoleClients role = userInitiated(config, null)) {
            return new ClusterInventory(role.ec2(), config).clusters(null);
        }
    }

    /** Terminates the instances only, because the UserInitiated role may not delete. The reaper removes the fleet and template. */
    @Override
    public void stop(DeploymentConfig config, String clusterName) {
        ClusterRequests.validateName(clusterName);
        try (AssumedRoleClients role = userInitiated(config, clusterName)) {
            Ec2Client ec2 = role.ec2();
            List<String> instanceIds = new ClusterInventory(ec2, config).instances(clusterName).stream()
                    .map(Instance::instanceId).toList();
            if (instanceIds.isEmpty()) {
                throw notRunning(config, clusterName);
            }
            for (List<String> batch : batches(instanceIds)) {
                AwsErrors.call("ec2:TerminateInstances", () -> ec2.terminateInstances(request -> request.instanceIds(batch)));
            }
            LOG.info("terminated {} instances of cluster {} of deployment {}; the reaper removes its fleet and launch"
                    + " template on its next pass", instanceIds.size(), clusterName, config.deployment());
        }
    }

    /** Writes the current time into the activity tag of the cluster's instances and fleet. */
    @Override
    public Cluster recordActivity(DeploymentConfig config, String clusterName) {
        ClusterRequests.validateName(clusterName);
        try (AssumedRoleClients role = userInitiated(config, clusterName)) {
            Ec2Client ec2 = role.ec2();
            List<Cluster> clusters = new ClusterInventory(ec2, config).clusters(clusterName);
            if (clusters.isEmpty()) {
                throw notRunning(config, clusterName);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<String> resources = new ArrayList<>();
            for (Cluster cluster : clusters) {
                resources.addAll(cluster.instanceIds());
                if (cluster.fleetId() != null) {
                    resources.add(cluster.fleetId());
                }
            }
            Tag activity = Tag.builder().key(ClusterTags.LAST_ACTIVITY).value(now.toString()).build();
            for (List<String> batch : batches(resources)) {
                AwsErrors.call("ec2:CreateTags", () -> ec2.createTags(request -> request.resources(batch).tags(activity)));
            }
            LOG.info("recorded activity at {} on cluster {} of deployment {}", now, clusterName, config.deployment());

            Cluster latest = clusters.get(clusters.size() - 1);
            return new Cluster(latest.name(), latest.instanceTypes(), latest.instanceIds(), latest.fleetId(),
                    latest.launchedAt(), now, latest.launchTemplateId(), latest.instanceType(), latest.idleTimeout(),
                    latest.maxLifetime(), latest.mode(), latest.spot());
        }
    }

    private AssumedRoleClients userInitiated(DeploymentConfig config, String clusterName) {
        Map<String, String> sessionTags = clusterName == null ? Map.of() : Map.of(ClusterTags.NAME, clusterName);
        return RoleSessions.open(aws, config, RoleKind.USER_INITIATED, sessionTags);
    }

    private static void requireNoRunningCluster(ClusterInventory inventory, DeploymentConfig config, String clusterName) {
        List<Instance> running = inventory.instances(clusterName);
        if (!running.isEmpty()) {
            throw new InvalidConfigException("name", "a cluster named " + clusterName + " is already running in deployment "
                    + config.deployment() + " (instances " + String.join(", ", running.stream().map(Instance::instanceId)
                    .filter(Objects::nonNull).toList()) + ")", "choose another name, or stop that cluster first");
        }
    }

    private static ClusterNotFoundException notRunning(DeploymentConfig config, String clusterName) {
        return new ClusterNotFoundException(clusterName, config.deployment());
    }

    static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += BATCH_SIZE) {
            batches.add(items.subList(start, Math.min(items.size(), start + BATCH_SIZE)));
        }
        return batches;
    }
}
