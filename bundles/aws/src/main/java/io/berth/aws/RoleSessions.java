package io.berth.aws;

import io.berth.api.CloudException;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Opens sessions of a deployment's runtime roles, the ones {@code berth apply} created, for the
 * bundles that act as them: the fleet as UserInitiated, the reaper as Unattended.
 */
public final class RoleSessions {

    private RoleSessions() {
    }

    /**
     * Assumes the deployment's role of the given kind and returns clients that call AWS as it.
     * The caller closes them.
     *
     * @param sessionTags tags on the role session besides {@code berth:deployment}, such as {@code berth:cluster}
     * @throws CloudException when STS refuses the role, with a fix that names {@code berth apply}
     *                        and the control-plane settings
     */
    public static AssumedRoleClients open(AwsClients aws, DeploymentConfig config, RoleKind kind,
            Map<String, String> sessionTags) {
        String roleArn = roleArn(aws, config, kind);
        try {
            return aws.assumeRole(config, roleArn, sessionTags);
        } catch (CloudException e) {
            if (!(e.getCause() instanceof AwsServiceException service) || service.statusCode() != 403) {
                throw e;
            }
            // STS returns AccessDenied both for a role that does not exist and for one that does
            // not trust the caller, so the fix names both causes.
            String principal = config.controlPlane() == null ? null : config.controlPlane().principal();
            throw new CloudException("could not assume the " + kind + " role " + roleArn + ": " + e.getMessage(),
                    "if deployment " + config.deployment() + " is not applied yet, run `berth apply` first; otherwise"
                            + " run Berth as controlPlane.principal (" + principal + ", see `berth doctor`) and check"
                            + " that controlPlane.externalId matches the role's trust policy", e);
        }
    }

    /**
     * Returns the ARN of the deployment's role of a kind. With no {@code accountId} in the config
     * it looks up the caller's account with STS GetCallerIdentity, so the role must be in that account.
     */
    public static String roleArn(AwsClients aws, DeploymentConfig config, RoleKind kind) {
        if (config.accountId() != null) {
            return ResourceNames.roleArn(config, kind);
        }
        String account = AwsErrors.call("sts:GetCallerIdentity", () -> aws.sts(config).getCallerIdentity().account());
        return "arn:" + ResourceNames.partition(config.region()) + ":iam::" + account + ":role" + config.roles().path()
                + ResourceNames.roleName(config, kind);
    }
}
