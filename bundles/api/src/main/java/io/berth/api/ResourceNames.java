package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.RolesConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and ARNs of a deployment's resources, shared so that the bundle that creates a role and
 * the bundles that grant access to it agree on its name.
 */
public final class ResourceNames {

    /**
     * The IAM policy variable that stands for the account when {@code accountId} is not configured.
     * IAM resolves it in Resource and Condition elements to the account of the calling principal,
     * which is the deployment's account for roles of that account. IAM does not accept it in a
     * Principal element.
     */
    public static final String ACCOUNT_VARIABLE = "${aws:PrincipalAccount}";

    /** The CloudFormation pseudo parameter of the stack's account, as written inside {@code Fn::Sub}. */
    public static final String TEMPLATE_ACCOUNT = "${AWS::AccountId}";
    /** The CloudFormation pseudo parameter of the stack's region, as written inside {@code Fn::Sub}. */
    public static final String TEMPLATE_REGION = "${AWS::Region}";
    /** The CloudFormation pseudo parameter of the stack's partition, as written inside {@code Fn::Sub}. */
    public static final String TEMPLATE_PARTITION = "${AWS::Partition}";

    private static final Pattern POLICY_ARN = Pattern.compile("arn:[^:]+:iam::([^:]+):(policy/.+)");

    private ResourceNames() {
    }

    /**
     * The AWS partition of a region: {@code aws-cn} for China, {@code aws-us-gov} for GovCloud, else
     * {@code aws}. The partition of {@link #TEMPLATE_REGION} is {@link #TEMPLATE_PARTITION}.
     */
    public static String partition(String region) {
        if (TEMPLATE_REGION.equals(region)) {
            return TEMPLATE_PARTITION;
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /**
     * Returns a copy of the config for a CloudFormation template: its account and region are the
     * placeholders {@link #TEMPLATE_ACCOUNT} and {@link #TEMPLATE_REGION}, so that every name and
     * ARN derived from it here carries them, and the stack fills in its own account, region and
     * partition. A permission boundary gets the same placeholders, because IAM accepts as boundary
     * only a managed policy of the role's own account or an AWS managed policy.
     */
    public static DeploymentConfig forTemplate(DeploymentConfig config) {
        RolesConfig roles = config.roles();
        RolesConfig templateRoles = new RolesConfig(roles.path(), roles.namePrefix(),
                templateBoundary(roles.permissionBoundary()));
        return new DeploymentConfig(config.deployment(), TEMPLATE_REGION, TEMPLATE_ACCOUNT, config.mode(),
                config.network(), config.ingress(), config.buckets(), config.controlPlane(), templateRoles,
                config.rules(), config.tags(), config.admin(), config.workers());
    }

    /** Returns the boundary ARN with the template's placeholders, or the ARN unchanged when it is not a policy ARN. */
    private static String templateBoundary(String boundary) {
        if (boundary == null) {
            return null;
        }
        Matcher arn = POLICY_ARN.matcher(boundary);
        if (!arn.matches()) {
            return boundary;
        }
        String account = "aws".equals(arn.group(1)) ? "aws" : TEMPLATE_ACCOUNT;
        return "arn:" + TEMPLATE_PARTITION + ":iam::" + account + ":" + arn.group(2);
    }

    /** The configured account id, or {@link #ACCOUNT_VARIABLE} when none is configured. */
    public static String account(DeploymentConfig config) {
        return config.accountId() == null ? ACCOUNT_VARIABLE : config.accountId();
    }

    /** The role name of a kind: {@code <namePrefix><deployment>-<kind>}, such as {@code berth-analytics-worker}. */
    public static String roleName(DeploymentConfig config, RoleKind kind) {
        return config.roles().namePrefix() + config.deployment() + "-" + kind.id();
    }

    public static String roleArn(DeploymentConfig config, RoleKind kind) {
        return iamArn(config, "role" + config.roles().path() + roleName(config, kind));
    }

    /** The worker's instance profile, named like the worker role. */
    public static String instanceProfileName(DeploymentConfig config) {
        return roleName(config, RoleKind.WORKER);
    }

    public static String instanceProfileArn(DeploymentConfig config) {
        return iamArn(config, "instance-profile" + config.roles().path() + instanceProfileName(config));
    }

    /** Returns an IAM ARN in the deployment's account. IAM ARNs have no region. */
    public static String iamArn(DeploymentConfig config, String resource) {
        return "arn:" + partition(config.region()) + ":iam::" + account(config) + ":" + resource;
    }

    /** An EC2 ARN in the deployment's region and account, such as {@code ec2Arn(config, "subnet/*")}. */
    public static String ec2Arn(DeploymentConfig config, String resource) {
        return "arn:" + partition(config.region()) + ":ec2:" + config.region() + ":" + account(config) + ":" + resource;
    }

    /** Returns the ARN of a bucket. S3 bucket ARNs have no region and no account. */
    public static String bucketArn(DeploymentConfig config, String bucket) {
        return "arn:" + partition(config.region()) + ":s3:::" + bucket;
    }

    /** The ARN pattern of the objects in a bucket whose keys match {@code keyPattern}, such as {@code polars/*}. */
    public static String objectArn(DeploymentConfig config, String bucket, String keyPattern) {
        return bucketArn(config, bucket) + "/" + keyPattern;
    }
}
