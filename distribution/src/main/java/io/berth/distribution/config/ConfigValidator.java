package io.berth.distribution.config;

import io.berth.api.InvalidConfigException;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.BucketConfig;
import io.berth.api.config.ControlPlaneConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.NetworkConfig;
import io.berth.api.config.ReaperConfig;
import io.berth.api.config.RolesConfig;
import io.berth.api.config.WorkersConfig;
import io.berth.distribution.clusters.Durations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the values of a parsed config that its types alone cannot. */
final class ConfigValidator {

    private static final Pattern DEPLOYMENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");

    private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_BUCKET_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final int MAX_KEY_PREFIX_LENGTH = 1024;

    /** An IAM role, IAM user or account root ARN, with the characters IAM allows in names and paths. */
    private static final Pattern PRINCIPAL_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(root|(role|user)(/[\\w+=,.@-]+)*/[\\w+=,.@-]+)");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** Stricter than IAM, which also allows * and ?: in an ARN those would match other roles' paths. */
    private static final Pattern ROLE_PATH = Pattern.compile("/([\\w+=,.@-]+/)*");
    private static final int MAX_ROLE_PATH_LENGTH = 512;
    private static final Pattern ROLE_NAME_CHARACTERS = Pattern.compile("[\\w+=,.@-]*");
    private static final int MAX_ROLE_NAME_LENGTH = 64;
    private static final Pattern POLICY_ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}|aws):policy(/[\\w+=,.@-]+)*/[\\w+=,.@-]+");

    /** MinTargetCapacity of an instant EC2 Fleet, which a cluster sets to its count, is at most 1000. */
    private static final int MAX_INSTANCES_PER_CLUSTER = 1000;
    private static final Pattern IMAGE_ID = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    /** The smallest MaxResults DescribeInstances accepts. */
    private static final int MIN_PAGE_SIZE = 5;

    private ConfigValidator() {
    }

    static void validate(String source, DeploymentConfig config) {
        if (!DEPLOYMENT_NAME.matcher(config.deployment()).matches()) {
            throw new InvalidConfigException(source + ": deployment", "'" + config.deployment() + "' is not a valid name",
                    "use 1 to 32 lower-case letters, digits and hyphens, starting with a letter");
        }
        if (!REGION.matcher(config.region()).matches()) {
            throw new InvalidConfigException(source + ": region", "'" + config.region() + "' is not an AWS region name",
                    "use a region such as eu-west-1 or us-east-2");
        }
        if (config.accountId() != null && !ACCOUNT_ID.matcher(config.accountId()).matches()) {
            throw new InvalidConfigException(source + ": accountId", "'" + config.accountId() + "' is not a 12-digit account id",
                    "quote the id as a string of 12 digits, or remove the key to look it up through STS");
        }
        if (config.network() == null) {
            throw new InvalidConfigException(source + ": network", "is missing",
                    "add network.managed.cidr, or network.byon with vpcId and subnetIds");
        }
        boolean managed = config.network().managed() != null;
        boolean byon = config.network().byon() != null;
        if (managed == byon && config.network().provider() == null) {
            throw new InvalidConfigException(source + ": network",
                    managed ? "sets both managed and byon" : "sets neither managed nor byon",
                    "set exactly one of network.managed and network.byon");
        }
        if (byon) {
            validateAdoptedNetwork(source, config.network().byon());
        }
        if (managed) {
            String problem = CidrSyntax.problem(config.network().managed().cidr());
            if (problem != null) {
                throw new InvalidConfigException(source + ": network.managed.cidr",
                        "'" + config.network().managed().cidr() + "' is not a valid CIDR block: " + problem,
                        "use a private IPv4 block such as 10.42.0.0/16, between /16 and /27");
            }
        }
        validateIngress(source, config);
        validateBuckets(source, config.buckets());
        validateControlPlane(source, config);
        validateRoles(source, config);
        AdminConfigValidator.validate(source, config.admin());
        validateWorkers(source, config.workers());
        validateReaper(source, config.reaper());
    }

    /** Checks the client CIDRs and ports that direct mode lets in, which end up in security group rules. */
    private static void validateIngress(String source, DeploymentConfig config) {
        for (int i = 0; i < config.ingress().cidrs().size(); i++) {
            String cidr = config.ingress().cidrs().get(i);
            String problem = CidrSyntax.problem(cidr);
            if (problem != null) {
                throw new InvalidConfigException(source + ": ingress.cidrs[" + i + "]",
                        "'" + cidr + "' is not a valid CIDR block: " + problem,
                        "use a client range such as 203.0.113.0/24");
            }
        }
        for (int i = 0; i < config.ingress().ports().size(); i++) {
            Integer port = config.ingress().ports().get(i);
            if (port == null || port < 1 || port > 65535) {
                throw new InvalidConfigException(source + ": ingress.ports[" + i + "]", "'" + port + "' is not a TCP port",
                        "use a port from 1 to 65535, such as 443");
            }
        }
    }

    private static void validateWorkers(String source, WorkersConfig workers) {
        if (workers.maxInstances() < 1 || workers.maxInstances() > MAX_INSTANCES_PER_CLUSTER) {
            throw new InvalidConfigException(source + ": workers.maxInstances", workers.maxInstances() + " is outside 1 to "
                    + MAX_INSTANCES_PER_CLUSTER, "set the largest number of instances one cluster may start, such as 20");
        }
        if (workers.imageId() != null && !IMAGE_ID.matcher(workers.imageId()).matches()) {
            throw new InvalidConfigException(source + ": workers.imageId", "'" + workers.imageId() + "' is not an image id",
                    "use an image id such as ami-0abc1234def567890, or remove the key to use Amazon Linux 2023");
        }
    }

    private static void validateReaper(String source, ReaperConfig reaper) {
        if (reaper.schedule() != null) {
            try {
                Durations.parse(reaper.schedule());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(source + ": reaper.schedule", e.getMessage(),
                        "use " + Durations.EXAMPLES + ", or remove the key for no scheduled passes");
            }
        }
        if (reaper.pageSize() < MIN_PAGE_SIZE || reaper.pageSize() > ReaperConfig.DEFAULT_PAGE_SIZE) {
            throw new InvalidConfigException(source + ": reaper.pageSize", reaper.pageSize() + " is outside "
                    + MIN_PAGE_SIZE + " to " + ReaperConfig.DEFAULT_PAGE_SIZE,
                    "remove the key for pages of " + ReaperConfig.DEFAULT_PAGE_SIZE + ", the most DescribeInstances returns");
        }
    }

    /** Checks the adopted VPC and subnet ids, which end up in ARNs, where a typo would scope a grant to nothing. */
    private static void validateAdoptedNetwork(String source, NetworkConfig.Byon byon) {
        if (byon.vpcId() == null || !VPC_ID.matcher(byon.vpcId()).matches()) {
            throw new InvalidConfigException(source + ": network.byon.vpcId", "'" + byon.vpcId() + "' is not a VPC id",
                    "use the id of the VPC to adopt, such as vpc-0abc1234def567890");
        }
        if (byon.subnetIds().isEmpty()) {
            throw new InvalidConfigException(source + ": network.byon.subnetIds", "is missing or empty",
                    "list the subnets to use, in at least two availability zones");
        }
        for (int i = 0; i < byon.subnetIds().size(); i++) {
            String subnetId = byon.subnetIds().get(i);
            if (subnetId == null || !SUBNET_ID.matcher(subnetId).matches()) {
                throw new InvalidConfigException(source + ": network.byon.subnetIds[" + i + "]",
                        "'" + subnetId + "' is not a subnet id", "use a subnet id such as subnet-0a1b2c3d4e5f60718");
            }
        }
    }

    private static void validateBuckets(String source, List<BucketConfig> buckets) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < buckets.size(); i++) {
            BucketConfig bucket = buckets.get(i);
            String field = source + ": buckets[" + i + "]";
            String problem = bucketNameProblem(bucket.name());
            if (problem != null) {
                throw new InvalidConfigException(field + ".name", "'" + bucket.name() + "' is not a valid S3 bucket name: "
                        + problem, "use 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with"
                        + " a letter or digit, such as acme-analytics-data");
            }
            if (!names.add(bucket.name())) {
                throw new InvalidConfigException(field + ".name", "'" + bucket.name() + "' is listed twice",
                        "list each bucket once, with all its prefixes");
            }
            for (int j = 0; j < bucket.prefixes().size(); j++) {
                validateKeyPrefix(field + ".prefixes[" + j + "]", bucket.prefixes().get(j));
            }
        }
    }

    /** Returns what breaks the S3 naming rules for general purpose buckets, or null when nothing does. */
    static String bucketNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the name is missing";
        }
        if (name.length() < 3 || name.length() > 63) {
            return "it has " + name.length() + " characters, not 3 to 63";
        }
        if (!BUCKET_CHARACTERS.matcher(name).matches()) {
            return "it contains characters other than lower-case letters, digits, dots and hyphens";
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return "it does not start and end with a letter or digit";
        }
        if (name.contains("..")) {
            return "it contains two dots in a row";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "it has the form of an IP address";
        }
        for (String prefix : RESERVED_BUCKET_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "names starting with " + prefix + " are reserved";
            }
        }
        for (String suffix : RESERVED_BUCKET_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "names ending with " + suffix + " are reserved";
            }
        }
        return null;
    }

    /** Checks a key prefix, which becomes part of an ARN and an {@code s3:prefix} pattern, where * and ? are wildcards. */
    private static void validateKeyPrefix(String field, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new InvalidConfigException(field, "is empty",
                    "remove it to give workers the whole bucket, or name a key prefix such as polars/");
        }
        if (prefix.startsWith("/") || prefix.contains("*") || prefix.contains("?") || prefix.length() > MAX_KEY_PREFIX_LENGTH) {
            throw new InvalidConfigException(field, "'" + prefix + "' is not a valid key prefix",
                    "use a key prefix of at most " + MAX_KEY_PREFIX_LENGTH + " characters without a leading /, * or ?,"
                            + " such as polars/");
        }
    }

    /**
     * Checks the control plane when the config has one. Commands that generate IAM documents need
     * it and say so; the others, such as serve, doctor and bundles, run without it.
     */
    private static void validateControlPlane(String source, DeploymentConfig config) {
        ControlPlaneConfig controlPlane = config.controlPlane();
        if (controlPlane == null) {
            return;
        }
        if (controlPlane.principal() == null) {
            throw new InvalidConfigException(source + ": controlPlane.principal", "is missing",
                    "set the ARN of the role that assumes the UserInitiated and Unattended roles, such as"
                            + " arn:aws:iam::111122223333:role/berth-control-plane");
        }
        Matcher principal = PRINCIPAL_ARN.matcher(controlPlane.principal());
        if (!principal.matches()) {
            throw new InvalidConfigException(source + ": controlPlane.principal",
                    "'" + controlPlane.principal() + "' is not an IAM role, user or account root ARN",
                    "use an ARN such as arn:aws:iam::111122223333:role/berth-control-plane");
        }
        String partition = ResourceNames.partition(config.region());
        if (!principal.group(1).equals(partition)) {
            throw new InvalidConfigException(source + ": controlPlane.principal",
                    "is in partition " + principal.group(1) + ", but region " + config.region() + " is in " + partition,
                    "name a principal of the " + partition + " partition: roles cannot trust across partitions");
        }
        if (controlPlane.externalId() == null || controlPlane.externalId().isBlank()) {
            throw new InvalidConfigException(source + ": controlPlane.externalId", "is missing or empty",
                    "set the external id the control plane passes when it assumes the roles, such as 5d1e0c7a-example");
        }
        if (!EXTERNAL_ID.matcher(controlPlane.externalId()).matches()) {
            throw new InvalidConfigException(source + ": controlPlane.externalId",
                    "'" + controlPlane.externalId() + "' is not a valid external id",
                    "use 2 to 1224 letters, digits and the characters + = , . @ : / - _");
        }
    }

    private static void validateRoles(String source, DeploymentConfig config) {
        RolesConfig roles = config.roles();
        if (!ROLE_PATH.matcher(roles.path()).matches() || roles.path().length() > MAX_ROLE_PATH_LENGTH) {
            throw new InvalidConfigException(source + ": roles.path", "'" + roles.path() + "' is not an IAM path",
                    "use / or a path that starts and ends with /, of letters, digits and + = , . @ - _, such as /berth/");
        }
        if (!ROLE_NAME_CHARACTERS.matcher(roles.namePrefix()).matches()) {
            throw new InvalidConfigException(source + ": roles.namePrefix",
                    "'" + roles.namePrefix() + "' contains characters IAM does not allow in role names",
                    "use letters, digits and the characters + = , . @ - _");
        }
        String longestName = ResourceNames.roleName(config, RoleKind.USER_INITIATED);
        if (longestName.length() > MAX_ROLE_NAME_LENGTH) {
            throw new InvalidConfigException(source + ": roles.namePrefix", "makes the role name " + longestName + " "
                    + longestName.length() + " characters long, but IAM allows " + MAX_ROLE_NAME_LENGTH,
                    "shorten roles.namePrefix or the deployment name");
        }
        validateBoundary(source, config);
    }

    private static void validateBoundary(String source, DeploymentConfig config) {
        String boundary = config.roles().permissionBoundary();
        if (boundary == null) {
            return;
        }
        Matcher policy = POLICY_ARN.matcher(boundary);
        if (!policy.matches()) {
            throw new InvalidConfigException(source + ": roles.permissionBoundary", "'" + boundary + "' is not a policy ARN",
                    "use the ARN of a managed policy, such as arn:aws:iam::123456789012:policy/berth-boundary, or null");
        }
        String account = policy.group(2);
        if (config.accountId() != null && !"aws".equals(account) && !account.equals(config.accountId())) {
            throw new InvalidConfigException(source + ": roles.permissionBoundary",
                    "is a policy of account " + account + ", but the roles are created in account " + config.accountId(),
                    "use a managed policy of account " + config.accountId() + " or an AWS managed policy");
        }
    }
}
