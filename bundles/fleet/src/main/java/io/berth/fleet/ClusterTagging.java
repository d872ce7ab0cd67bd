package io.berth.fleet;

import io.berth.api.ClusterRequest;
import io.berth.api.ClusterTags;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.Ec2Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The tags of a cluster's resources, and the filters that find them again. */
final class ClusterTagging {

    /** Instance states in which an instance still counts as part of a running cluster. */
    static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private ClusterTagging() {
    }

    /** Returns the tags every resource of the cluster carries: the deployment's, the cluster name and a readable Name. */
    static Map<String, String> base(DeploymentConfig config, String clusterName) {
        Map<String, String> tags = new LinkedHashMap<>(config.resourceTags());
        tags.put(ClusterTags.NAME, clusterName);
        tags.put("Name", config.deployment() + "-" + clusterName);
        return tags;
    }

    /** Returns the tags of one start, for its fleet and instances: the base tags plus the cluster's state. */
    static Map<String, String> launch(DeploymentConfig config, ClusterRequest request, String launchId, Instant startedAt) {
        String at = startedAt.toString();
        Map<String, String> tags = base(config, request.name());
        tags.put(ClusterTags.LAUNCH, launchId);
        tags.put(ClusterTags.STARTED_AT, at);
        tags.put(ClusterTags.LAST_ACTIVITY, at);
        tags.put(ClusterTags.IDLE_TIMEOUT, request.idleTimeout().toString());
        tags.put(ClusterTags.MAX_LIFETIME, request.maxLifetime().toString());
        tags.put(ClusterTags.INSTANCE_TYPES, String.join(",", request.instanceTypes()));
        tags.put(ClusterTags.MODE, request.mode().id());
        tags.put(ClusterTags.SPOT, Boolean.toString(request.spot()));
        return tags;
    }

    static List<Tag> toTags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((key, value) -> list.add(Tag.builder().key(key).value(value).build()));
        return list;
    }

    static TagSpecification specification(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(toTags(tags)).build();
    }

    /** Filters matching the deployment's cluster resources, of one cluster when the name is not null. */
    static List<Filter> filters(DeploymentConfig config, String clusterName) {
        List<Filter> filters = new ArrayList<>(Ec2Tags.deployment(config));
        filters.add(clusterName == null
                ? Filter.builder().name("tag-key").values(ClusterTags.NAME).build()
                : Filter.builder().name("tag:" + ClusterTags.NAME).values(clusterName).build());
        return filters;
    }

    /** Filters matching the deployment's live cluster instances, of one cluster when the name is not null. */
    static List<Filter> liveInstanceFilters(DeploymentConfig config, String clusterName) {
        List<Filter> filters = new ArrayList<>(filters(config, clusterName));
        filters.add(Filter.builder().name("instance-state-name").values(LIVE_STATES).build());
        return filters;
    }
}
