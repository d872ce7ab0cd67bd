package io.berth.reaper;

/**
 * One resource a reaper pass decided to remove.
 *
 * @param cluster the cluster name from the resource's tags
 * @param reason  why it goes, with the figures, such as {@code idle for 2h10m, idle timeout 1h}
 */
record Removal(Kind kind, String resourceId, String cluster, String reason) {

    /**
     * The kinds of resource, in the order a pass removes them. The fleets of removed clusters go
     * first, because EC2 deletes an instant fleet only together with its instances. The instances
     * that are left, such as those of a fleet whose id is unknown, follow. Then come the fleets
     * with no instance left, and the launch templates go last.
     */
    enum Kind {
        FLEET, INSTANCE, EMPTY_FLEET, LAUNCH_TEMPLATE
    }
}
