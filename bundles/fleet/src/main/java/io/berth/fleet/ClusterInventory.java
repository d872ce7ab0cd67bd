package io.berth.fleet;

import io.berth.api.Cluster;
import io.berth.api.ClusterTags;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.AwsErrors;
import io.berth.aws.Ec2Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The deployment's running clusters, rebuilt from the tags of their instances and launch
 * templates, so that every process finds the same clusters. A cluster is running while at least
 * one of its instances is pending, running, stopping or stopped.
 */
final class ClusterInventory {

    /** The largest page DescribeLaunchTemplates returns. */
    private static final int LAUNCH_TEMPLATE_PAGE = 200;

    private final Ec2Client ec2;
    private final DeploymentConfig config;

    ClusterInventory(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
    }

    /** Returns the live instances of the deployment's clusters, of one cluster when the name is not null. */
    List<Instance> instances(String clusterName) {
        return AwsErrors.call("ec2:DescribeInstances", () -> ec2.describeInstancesPaginator(request -> request
                        .filters(ClusterTagging.liveInstanceFilters(config, clusterName)))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .toList());
    }

    /** Returns the deployment's cluster launch templates, of one cluster when the name is not null. */
    List<LaunchTemplate> launchTemplates(String clusterName) {
        return AwsErrors.call("ec2:DescribeLaunchTemplates", () -> ec2.describeLaunchTemplatesPaginator(request -> request
                        .filters(ClusterTagging.filters(config, clusterName))
                        .maxResults(LAUNCH_TEMPLATE_PAGE))
                .launchTemplates().stream().toList());
    }

    /** Returns the running clusters, sorted by name, or only the named one when the name is not null. */
    List<Cluster> clusters(String clusterName) {
        List<Instance> instances = instances(clusterName);
        if (instances.isEmpty()) {
            return List.of();
        }
        List<LaunchTemplate> templates = launchTemplates(clusterName);

        List<Cluster> clusters = new ArrayList<>();
        byLaunch(instances).forEach((launch, members) -> clusters.add(cluster(launch, members, templates)));
        clusters.sort(Comparator.comparing(Cluster::name)
                .thenComparing(Cluster::launchedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return clusters;
    }

    /** Groups instances by the start that launched them, or by cluster name for instances without a launch tag. */
    static Map<String, List<Instance>> byLaunch(List<Instance> instances) {
        Map<String, List<Instance>> byLaunch = new LinkedHashMap<>();
        for (Instance instance : instances) {
            String launch = Objects.requireNonNullElse(Ec2Tags.value(instance.tags(), ClusterTags.LAUNCH),
                    Ec2Tags.value(instance.tags(), ClusterTags.NAME));
            byLaunch.computeIfAbsent(launch, key -> new ArrayList<>()).add(instance);
        }
        return byLaunch;
    }

    /** Returns the launch template of a start, by its launch tag. */
    static Optional<LaunchTemplate> templateOf(String launch, List<LaunchTemplate> templates) {
        return templates.stream()
                .filter(template -> launch.equals(Ec2Tags.value(template.tags(), ClusterTags.LAUNCH)))
                .findFirst();
    }

    private static Cluster cluster(String launch, List<Instance> instances, List<LaunchTemplate> templates) {
        List<Tag> tags = instances.get(0).tags();
        Optional<LaunchTemplate> template = templateOf(launch, templates);

        Instant launchedAt = instant(Ec2Tags.value(tags, ClusterTags.STARTED_AT));
        if (launchedAt == null) {
            launchedAt = instances.stream().map(Instance::launchTime).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }
        Instant lastActivity = instances.stream()
                .map(instance -> instant(Ec2Tags.value(instance.tags(), ClusterTags.LAST_ACTIVITY)))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(launchedAt);
        String types = Ec2Tags.value(tags, ClusterTags.INSTANCE_TYPES);

        return new Cluster(
                Ec2Tags.value(tags, ClusterTags.NAME),
                types == null ? List.of() : Arrays.asList(types.split(",")),
                instances.stream().map(Instance::instanceId).sorted().toList(),
                fleetId(instances, template),
                launchedAt,
                lastActivity,
                template.map(LaunchTemplate::launchTemplateId).orElse(null),
                String.join(",", instances.stream().map(Instance::instanceTypeAsString).distinct().sorted().toList()),
                duration(Ec2Tags.value(tags, ClusterTags.IDLE_TIMEOUT)),
                duration(Ec2Tags.value(tags, ClusterTags.MAX_LIFETIME)),
                mode(Ec2Tags.value(tags, ClusterTags.MODE)),
                "true".equals(Ec2Tags.value(tags, ClusterTags.SPOT)));
    }

    /** Returns the fleet id recorded on the instances, else the one on the launch template. */
    private static String fleetId(List<Instance> instances, Optional<LaunchTemplate> template) {
        return instances.stream()
                .map(instance -> Ec2Tags.value(instance.tags(), ClusterTags.FLEET))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(() -> template.map(found -> Ec2Tags.value(found.tags(), ClusterTags.FLEET)).orElse(null));
    }

    /** Parses an instant tag, or returns null when it is missing or was edited into something else. */
    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration duration(String value) {
        try {
            return value == null ? null : Duration.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Mode mode(String value) {
        return Arrays.stream(Mode.values()).filter(mode -> mode.id().equals(value)).findFirst().orElse(null);
    }
}
