package io.berth.api;

/**
 * What one reaper pass decided about one resource.
 *
 * @param resourceId the instance, fleet or launch template id
 * @param cluster    the cluster it belongs to, or null for an orphan
 * @param reason     why it is removed: idle, expired or orphaned, with the figures
 * @param removed    whether it was removed; false in a dry run or when the removal failed
 */
public record ReapDecision(String resourceId, String cluster, String reason, boolean removed) {
}
