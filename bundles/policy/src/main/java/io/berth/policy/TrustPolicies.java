package io.berth.policy;

import static io.berth.api.config.DeploymentConfig.TAG_DEPLOYMENT;

import io.berth.api.InvalidConfigException;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.ControlPlaneConfig;
import io.berth.api.config.DeploymentConfig;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * The trust policy of each role kind.
 *
 * <ul>
 *   <li>UserInitiated and Unattended trust the configured control-plane principal only, with its
 *       external id, and let it pass the session tag {@code berth:deployment}, which Berth sets to
 *       the deployment's name when it assumes them.</li>
 *   <li>Worker trusts the EC2 service only, which hands the role to the instances through the
 *       instance profile.</li>
 *   <li>Deployer trusts its own account, so that the account's administrators decide through
 *       identity policies who may run apply. It does not trust the control plane: the control plane
 *       only starts and reaps clusters, and creating roles would give it far more.</li>
 * </ul>
 */
final class TrustPolicies {

    static final String EC2_SERVICE = "ec2.amazonaws.com";
    static final String POLICY_VERSION = "2012-10-17";

    private TrustPolicies() {
    }

    static IamPolicy of(DeploymentConfig config, RoleKind kind) {
        return switch (kind) {
            case DEPLOYER -> IamPolicy.builder()
                    .version(POLICY_VERSION)
                    .addStatement(IamStatement.builder()
                            .sid("TrustOwnAccount")
                            .effect(IamEffect.ALLOW)
                            .addPrincipal(IamPrincipalType.AWS, ResourceNames.iamArn(config, "root"))
                            .addAction("sts:AssumeRole")
                            .build())
                    .build();
            case USER_INITIATED, UNATTENDED -> controlPlaneTrust(config);
            case WORKER -> IamPolicy.builder()
                    .version(POLICY_VERSION)
                    .addStatement(IamStatement.builder()
                            .sid("TrustEc2")
                            .effect(IamEffect.ALLOW)
                            .addPrincipal(IamPrincipalType.SERVICE, EC2_SERVICE)
                            .addAction("sts:AssumeRole")
                            .build())
                    .build();
        };
    }

    private static IamPolicy controlPlaneTrust(DeploymentConfig config) {
        ControlPlaneConfig controlPlane = config.controlPlane();
        if (controlPlane == null || controlPlane.principal() == null || controlPlane.externalId() == null) {
            throw new InvalidConfigException("controlPlane", "is missing or incomplete",
                    "set controlPlane.principal and controlPlane.externalId: the UserInitiated and Unattended"
                            + " roles trust that principal only");
        }
        return IamPolicy.builder()
                .version(POLICY_VERSION)
                .addStatement(IamStatement.builder()
                        .sid("TrustControlPlane")
                        .effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, controlPlane.principal())
                        .addAction("sts:AssumeRole")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "sts:ExternalId", controlPlane.externalId())
                        .build())
                .addStatement(IamStatement.builder()
                        .sid("AllowControlPlaneSessionTags")
                        .effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, controlPlane.principal())
                        .addAction("sts:TagSession")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "aws:RequestTag/" + TAG_DEPLOYMENT,
                                config.deployment())
                        .build())
                .build();
    }
}
