package io.berth.aws;

import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The tags that mark an EC2 resource as one of a deployment's, and the filters that find it
 * again. Tags are the record of what Berth owns: every create call tags in the same request,
 * so a crash never leaves an untagged resource behind, and every find filters on them.
 */
public final class Ec2Tags {

    /** Tag key naming which of the deployment's resources this is, such as {@code subnet-a}. */
    public static final String RESOURCE = "berth:resource";

    private Ec2Tags() {
    }

    /** Returns the tags of one resource: the deployment's, its logical name, and a readable Name. */
    public static List<Tag> tags(DeploymentConfig config, String resourceName) {
        List<Tag> tags = new ArrayList<>();
        for (Map.Entry<String, String> tag : values(config, resourceName).entrySet()) {
            tags.add(Tag.builder().key(tag.getKey()).value(tag.getValue()).build());
        }
        return tags;
    }

    /**
     * Returns the same tags as {@link #tags} as keys and values, in the same order, for a
     * CloudFormation template, because a stack's resources must carry exactly the tags that
     * status and destroy look for.
     */
    public static Map<String, String> values(DeploymentConfig config, String resourceName) {
        Map<String, String> values = new LinkedHashMap<>(config.resourceTags());
        values.put(RESOURCE, resourceName);
        values.put("Name", config.deployment() + "-" + resourceName);
        return values;
    }

    public static TagSpecification specification(DeploymentConfig config, ResourceType type, String resourceName) {
        return TagSpecification.builder().resourceType(type).tags(tags(config, resourceName)).build();
    }

    /** Filters matching every resource of the deployment. */
    public static List<Filter> deployment(DeploymentConfig config) {
        return List.of(
                Filter.builder().name("tag:" + DeploymentConfig.TAG_DEPLOYMENT).values(config.deployment()).build(),
                Filter.builder().name("tag:" + DeploymentConfig.TAG_MANAGED).values("true").build());
    }

    /** Filters matching the deployment's resource of the given logical name. */
    public static List<Filter> resource(DeploymentConfig config, String resourceName) {
        List<Filter> filters = new ArrayList<>(deployment(config));
        filters.add(Filter.builder().name("tag:" + RESOURCE).values(resourceName).build());
        return filters;
    }

    /** Returns the value of a tag, or null when the resource does not carry it. */
    public static String value(List<Tag> tags, String key) {
        return tags.stream().filter(tag -> key.equals(tag.key())).map(Tag::value).findFirst().orElse(null);
    }
}
