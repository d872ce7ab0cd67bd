package io.berth.fleet;

import io.berth.api.Condition;
import io.berth.api.PermissionRequirement;
import io.berth.api.ResourceNames;
import io.berth.api.RoleKind;
import io.berth.api.config.BucketConfig;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the workers may do in S3: list each configured bucket, and read and write objects, only
 * under the configured prefixes when a bucket has any. With no bucket configured there is nothing.
 */
final class WorkerPermissions {

    private WorkerPermissions() {
    }

    static List<PermissionRequirement> of(DeploymentConfig config) {
        if (config.buckets().isEmpty()) {
            return List.of();
        }
        List<PermissionRequirement> requirements = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        for (BucketConfig bucket : config.buckets()) {
            requirements.add(listBucket(config, bucket));
            if (bucket.prefixes().isEmpty()) {
                objects.add(ResourceNames.objectArn(config, bucket.name(), "*"));
            } else {
                bucket.prefixes().forEach(prefix -> objects.add(ResourceNames.objectArn(config, bucket.name(), prefix + "*")));
            }
        }
        requirements.add(PermissionRequirement.builder(RoleKind.WORKER, "ReadWriteBucketObjects")
                .reason("workers read their input from the configured buckets and write their results there")
                .scoping("only objects of the configured buckets, and only under the configured prefixes where a"
                        + " bucket has any")
                .actions("s3:GetObject", "s3:PutObject")
                .resources(objects)
                .build());
        return requirements;
    }

    /**
     * One statement per bucket, because an {@code s3:prefix} condition in a statement would apply
     * to every bucket in it.
     */
    private static PermissionRequirement listBucket(DeploymentConfig config, BucketConfig bucket) {
        PermissionRequirement.Builder requirement = PermissionRequirement
                .builder(RoleKind.WORKER, "ListBucket" + sidPart(bucket.name()))
                .reason("workers list the keys of " + bucket.name() + " to find their input")
                .actions("s3:ListBucket")
                .resources(ResourceNames.bucketArn(config, bucket.name()));
        if (bucket.prefixes().isEmpty()) {
            return requirement.scoping("only the bucket " + bucket.name()).build();
        }
        return requirement
                .scoping("only the bucket " + bucket.name() + ", and only listings under "
                        + String.join(", ", bucket.prefixes()))
                .conditions(new Condition("StringLike", "s3:prefix",
                        bucket.prefixes().stream().map(prefix -> prefix + "*").toList()))
                .build();
    }

    /** Turns a bucket name into letters and digits for a Sid: {@code acme-analytics.data} gives {@code AcmeAnalyticsData}. */
    static String sidPart(String bucketName) {
        StringBuilder sid = new StringBuilder();
        for (String word : bucketName.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                sid.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return sid.toString();
    }
}
