package io.berth.api.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deployment, as configured in {@code berth.yaml}.
 *
 * @param deployment   the deployment name, used in tags and resource names
 * @param region       the AWS region, such as {@code eu-west-1}
 * @param accountId    the AWS account id, or null to look it up through STS
 * @param mode         the default security group of clusters
 * @param network      the network, managed or adopted
 * @param ingress      who may reach clusters in direct mode
 * @param buckets      what workers may read and write
 * @param controlPlane who may assume the runtime roles
 * @param roles        role naming and boundary
 * @param rules        how company rules are evaluated
 * @param tags         extra tags put on every resource Berth creates
 * @param admin        admin server settings
 * @param workers      the instance types and size limit of worker clusters
 * @param reaper       the reaper's schedule and page size
 */
public record DeploymentConfig(
        String deployment,
        String region,
        String accountId,
        Mode mode,
        NetworkConfig network,
        IngressConfig ingress,
        List<BucketConfig> buckets,
        ControlPlaneConfig controlPlane,
        RolesConfig roles,
        RulesConfig rules,
        Map<String, String> tags,
        AdminConfig admin,
        WorkersConfig workers,
        ReaperConfig reaper) {

    /** Tag key naming the deployment a resource belongs to. */
    public static final String TAG_DEPLOYMENT = "berth:deployment";
    /** Tag key marking a resource as created and owned by Berth. */
    public static final String TAG_MANAGED = "berth:managed";

    public DeploymentConfig {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(region, "region");
        mode = mode == null ? Mode.DIRECT : mode;
        ingress = ingress == null ? new IngressConfig(List.of(), List.of()) : ingress;
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        roles = roles == null ? RolesConfig.DEFAULT : roles;
        rules = rules == null ? RulesConfig.DEFAULT : rules;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        admin = admin == null ? new AdminConfig(List.of()) : admin;
        workers = workers == null ? WorkersConfig.DEFAULT : workers;
        reaper = reaper == null ? ReaperConfig.DEFAULT : reaper;
    }

    /** A config with the default reaper settings. */
    public DeploymentConfig(String deployment, String region, String accountId, Mode mode, NetworkConfig network,
            IngressConfig ingress, List<BucketConfig> buckets, ControlPlaneConfig controlPlane, RolesConfig roles,
            RulesConfig rules, Map<String, String> tags, AdminConfig admin, WorkersConfig workers) {
        this(deployment, region, accountId, mode, network, ingress, buckets, controlPlane, roles, rules, tags, admin,
                workers, null);
    }

    /** A config with the default worker settings. */
    public DeploymentConfig(String deployment, String region, String accountId, Mode mode, NetworkConfig network,
            IngressConfig ingress, List<BucketConfig> buckets, ControlPlaneConfig controlPlane, RolesConfig roles,
            RulesConfig rules, Map<String, String> tags, AdminConfig admin) {
        this(deployment, region, accountId, mode, network, ingress, buckets, controlPlane, roles, rules, tags, admin,
                null, null);
    }

    /** The tags every resource of this deployment carries: Berth's own two plus the configured ones. */
    public Map<String, String> resourceTags() {
        var all = new java.util.TreeMap<String, String>(tags);
        all.put(TAG_DEPLOYMENT, deployment);
        all.put(TAG_MANAGED, "true");
        return all;
    }
}
