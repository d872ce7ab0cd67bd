package io.berth.api;

/**
 * What one reaper pass decided about one resource.
 *
 * @param resourceId the instance, fleet or launch template id
 * @param cluster    the cluster named in its tags
 * @param reason     why it is removed: idle, expired or orphaned, with the figures, and the error
 *                   when the removal failed
 * @param removed    whether it was removed; false in a dry run or when the removal failed
 */
public record ReapDecision(String resourceId, String cluster, String reason, boolean removed) {
}
