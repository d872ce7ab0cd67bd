package io.berth.setup;

import io.berth.api.ClusterTags;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsErrors;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Finds the deployment's cluster instances that have not ended, so that destroy stops before it
 * deletes anything while a cluster runs. Deleting the roles then would leave the instances
 * running with no role left that may reap them, and on AWS the subnets and security groups
 * they use cannot be deleted.
 */
final class LiveClusters {

    /** Every state but shutting-down and terminated. */
    private static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private LiveClusters() {
    }

    /** Raises, naming each live cluster and its instance count, unless the deployment has none. */
    static void requireNone(Ec2Client ec2, DeploymentConfig config) {
        Map<String, Integer> instancesByCluster = find(ec2, config);
        if (instancesByCluster.isEmpty()) {
            return;
        }
        List<String> clusters = new ArrayList<>();
        instancesByCluster.forEach((name, count) -> clusters.add(name + " (" + count + (count == 1 ? " instance)" : " instances)")));
        throw new InvalidConfigException("deployment",
                "'" + config.deployment() + "' still runs clusters " + String.join(", ", clusters)
                        + ", so destroy deleted nothing",
                "stop each with berth clusters stop --name NAME, run berth reap to remove their fleets and launch"
                        + " templates, then run destroy again");
    }

    /** Returns the number of live instances per cluster name, sorted by name. */
    static Map<String, Integer> find(Ec2Client ec2, DeploymentConfig config) {
        List<Filter> filters = new ArrayList<>(Ec2Tags.deployment(config));
        filters.add(Filter.builder().name("tag-key").values(ClusterTags.NAME).build());
        filters.add(Filter.builder().name("instance-state-name").values(LIVE_STATES).build());

        List<Instance> instances = AwsErrors.call("ec2:DescribeInstances", () -> ec2.describeInstancesPaginator(
                        request -> request.filters(filters))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .toList());
        Map<String, Integer> counts = new TreeMap<>();
        for (Instance instance : instances) {
            counts.merge(clusterName(instance), 1, Integer::sum);
        }
        return counts;
    }

    private static String clusterName(Instance instance) {
        return instance.tags().stream()
                .filter(tag -> ClusterTags.NAME.equals(tag.key()))
                .map(Tag::value)
                .findFirst()
                .orElse("?");
    }
}
