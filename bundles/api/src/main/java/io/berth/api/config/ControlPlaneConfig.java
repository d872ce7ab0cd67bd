package io.berth.api.config;

/**
 * Who may assume the UserInitiated and Unattended roles.
 *
 * @param principal  the ARN of the principal trusted by those roles
 * @param externalId the external id it must pass when it assumes them
 */
public record ControlPlaneConfig(String principal, String externalId) {
}
