package io.berth.api;

/**
 * The tag keys that hold a worker cluster's state. The fleet provider writes them on the
 * cluster's launch template, fleet and instances, and the reaper reads them, so that any
 * process, a restarted server included, finds every cluster. Instants are ISO-8601 in UTC,
 * such as {@code 2025-03-01T09:30:00Z}, and durations ISO-8601, such as {@code PT1H}.
 */
public final class ClusterTags {

    /** The cluster name, on the launch template, the fleet and the instances. */
    public static final String NAME = "berth:cluster";
    /**
     * The id of one start of the cluster, on its launch template, fleet and instances. Each start
     * has a launch template and a fleet of its own, and those of a stopped cluster remain until the
     * reaper removes them, so a cluster name alone does not tell which fleet launched which instances.
     */
    public static final String LAUNCH = "berth:launch";
    /**
     * The id of the fleet a launch created, on that launch's launch template and instances. It is
     * written right after CreateFleet, because DescribeFleets lists fleets of type instant only by id.
     */
    public static final String FLEET = "berth:fleet";
    /** When the cluster was started. */
    public static final String STARTED_AT = "berth:started-at";
    /** When the cluster was last used, which the reaper compares with the idle timeout. */
    public static final String LAST_ACTIVITY = "berth:last-activity";
    /** How long the cluster may stay idle. */
    public static final String IDLE_TIMEOUT = "berth:idle-timeout";
    /** How long the cluster may run at most. */
    public static final String MAX_LIFETIME = "berth:max-lifetime";
    /** The instance types requested, comma-separated, in order of preference. */
    public static final String INSTANCE_TYPES = "berth:instance-types";
    /** {@code direct} or {@code proxy}: the security group the cluster uses. */
    public static final String MODE = "berth:mode";
    /** {@code true} for Spot capacity, {@code false} for On-Demand. */
    public static final String SPOT = "berth:spot";

    private ClusterTags() {
    }
}
