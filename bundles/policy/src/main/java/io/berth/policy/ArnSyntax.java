package io.berth.policy;

import io.berth.api.ResourceNames;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the form {@code arn:partition:service:region:account:resource} of an ARN or ARN pattern.
 * Wildcards are allowed where IAM allows them. Whether they are too broad is for the scoping
 * rules to decide, not for this check.
 */
final class ArnSyntax {

    /** The account part may be the policy variable, whose name contains a colon itself. */
    private static final Pattern ARN = Pattern.compile("arn:([^:]*):([^:]*):([^:]*):("
            + Pattern.quote(ResourceNames.ACCOUNT_VARIABLE) + "|[^:]*):(.*)", Pattern.DOTALL);
    private static final Set<String> PARTITIONS = Set.of(
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d|\\*");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}|aws|\\*|" + Pattern.quote(ResourceNames.ACCOUNT_VARIABLE));

    private ArnSyntax() {
    }

    /** Returns what is wrong with the ARN, or empty when it is well formed. */
    static Optional<String> problem(String arn) {
        Matcher parts = ARN.matcher(arn);
        if (!parts.matches()) {
            return Optional.of("it does not have the form arn:partition:service:region:account:resource");
        }
        String partition = parts.group(1);
        String service = parts.group(2);
        String region = parts.group(3);
        String account = parts.group(4);
        String resource = parts.group(5);

        if (!PARTITIONS.contains(partition)) {
            return Optional.of("'" + partition + "' is not an AWS partition");
        }
        if (!SERVICE.matcher(service).matches()) {
            return Optional.of("'" + service + "' is not a service name");
        }
        if (!region.isEmpty() && !REGION.matcher(region).matches()) {
            return Optional.of("'" + region + "' is not a region");
        }
        if (!account.isEmpty() && !ACCOUNT.matcher(account).matches()) {
            return Optional.of("'" + account + "' is not a 12-digit account id");
        }
        if (resource.isEmpty() || resource.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("the resource part is empty or contains white space");
        }
        return serviceProblem(service, region, account);
    }

    private static Optional<String> serviceProblem(String service, String region, String account) {
        boolean global = service.equals("iam") || service.equals("sts");
        if (global && !region.isEmpty()) {
            return Optional.of(service + " ARNs have no region, but this one names '" + region + "'");
        }
        if (service.equals("s3") && region.isEmpty() != account.isEmpty()) {
            return Optional.of("S3 ARNs name both region and account (access points) or neither (buckets and objects)");
        }
        if (service.equals("ec2") && region.isEmpty()) {
            return Optional.of("EC2 ARNs name a region");
        }
        return Optional.empty();
    }
}
