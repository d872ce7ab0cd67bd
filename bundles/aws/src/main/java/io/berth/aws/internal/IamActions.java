package io.berth.aws.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Maps an SDK operation to the IAM actions it needs. EC2, IAM and STS operations are their
 * own action names; many S3 operations are not, and a few need two actions. The S3 table
 * follows the "Actions, resources, and condition keys for Amazon S3" page of the AWS Service
 * Authorization Reference.
 */
final class IamActions {

    // SdkExecutionAttribute.SERVICE_NAME is the client's service name ("Ec2", "Iam", "Sts",
    // "S3" in SDK 2.42.4), not the IAM prefix.
    private static final Map<String, String> PREFIXES = Map.of("Ec2", "ec2", "Iam", "iam", "Sts", "sts", "S3", "s3");

    private static final Map<String, List<String>> S3 = Map.ofEntries(
            Map.entry("CompleteMultipartUpload", List.of("PutObject")),
            Map.entry("CopyObject", List.of("PutObject", "GetObject")),
            Map.entry("CreateMultipartUpload", List.of("PutObject")),
            Map.entry("DeleteBucketAnalyticsConfiguration", List.of("PutAnalyticsConfiguration")),
            Map.entry("DeleteBucketCors", List.of("PutBucketCORS")),
            Map.entry("DeleteBucketEncryption", List.of("PutEncryptionConfiguration")),
            Map.entry("DeleteBucketIntelligentTieringConfiguration", List.of("PutIntelligentTieringConfiguration")),
            Map.entry("DeleteBucketInventoryConfiguration", List.of("PutInventoryConfiguration")),
            Map.entry("DeleteBucketLifecycle", List.of("PutLifecycleConfiguration")),
            Map.entry("DeleteBucketMetricsConfiguration", List.of("PutMetricsConfiguration")),
            Map.entry("DeleteBucketOwnershipControls", List.of("PutBucketOwnershipControls")),
            Map.entry("DeleteBucketReplication", List.of("PutReplicationConfiguration")),
            Map.entry("DeleteBucketTagging", List.of("PutBucketTagging")),
            Map.entry("DeleteObjects", List.of("DeleteObject")),
            Map.entry("DeletePublicAccessBlock", List.of("PutBucketPublicAccessBlock")),
            Map.entry("GetBucketAccelerateConfiguration", List.of("GetAccelerateConfiguration")),
            Map.entry("GetBucketAnalyticsConfiguration", List.of("GetAnalyticsConfiguration")),
            Map.entry("GetBucketCors", List.of("GetBucketCORS")),
            Map.entry("GetBucketEncryption", List.of("GetEncryptionConfiguration")),
            Map.entry("GetBucketIntelligentTieringConfiguration", List.of("GetIntelligentTieringConfiguration")),
            Map.entry("GetBucketInventoryConfiguration", List.of("GetInventoryConfiguration")),
            Map.entry("GetBucketLifecycleConfiguration", List.of("GetLifecycleConfiguration")),
            Map.entry("GetBucketMetricsConfiguration", List.of("GetMetricsConfiguration")),
            Map.entry("GetBucketNotificationConfiguration", List.of("GetBucketNotification")),
            Map.entry("GetBucketReplication", List.of("GetReplicationConfiguration")),
            Map.entry("GetObjectAttributes", List.of("GetObject", "GetObjectAttributes")),
            Map.entry("GetObjectLockConfiguration", List.of("GetBucketObjectLockConfiguration")),
            Map.entry("GetPublicAccessBlock", List.of("GetBucketPublicAccessBlock")),
            Map.entry("HeadBucket", List.of("ListBucket")),
            Map.entry("HeadObject", List.of("GetObject")),
            Map.entry("ListBucketAnalyticsConfigurations", List.of("GetAnalyticsConfiguration")),
            Map.entry("ListBucketIntelligentTieringConfigurations", List.of("GetIntelligentTieringConfiguration")),
            Map.entry("ListBucketInventoryConfigurations", List.of("GetInventoryConfiguration")),
            Map.entry("ListBucketMetricsConfigurations", List.of("GetMetricsConfiguration")),
            Map.entry("ListBuckets", List.of("ListAllMyBuckets")),
            Map.entry("ListMultipartUploads", List.of("ListBucketMultipartUploads")),
            Map.entry("ListObjects", List.of("ListBucket")),
            Map.entry("ListObjectsV2", List.of("ListBucket")),
            Map.entry("ListObjectVersions", List.of("ListBucketVersions")),
            Map.entry("ListParts", List.of("ListMultipartUploadParts")),
            Map.entry("PutBucketAccelerateConfiguration", List.of("PutAccelerateConfiguration")),
            Map.entry("PutBucketAnalyticsConfiguration", List.of("PutAnalyticsConfiguration")),
            Map.entry("PutBucketCors", List.of("PutBucketCORS")),
            Map.entry("PutBucketEncryption", List.of("PutEncryptionConfiguration")),
            Map.entry("PutBucketIntelligentTieringConfiguration", List.of("PutIntelligentTieringConfiguration")),
            Map.entry("PutBucketInventoryConfiguration", List.of("PutInventoryConfiguration")),
            Map.entry("PutBucketLifecycleConfiguration", List.of("PutLifecycleConfiguration")),
            Map.entry("PutBucketMetricsConfiguration", List.of("PutMetricsConfiguration")),
            Map.entry("PutBucketNotificationConfiguration", List.of("PutBucketNotification")),
            Map.entry("PutBucketReplication", List.of("PutReplicationConfiguration")),
            Map.entry("PutObjectLockConfiguration", List.of("PutBucketObjectLockConfiguration")),
            Map.entry("PutPublicAccessBlock", List.of("PutBucketPublicAccessBlock")),
            Map.entry("SelectObjectContent", List.of("GetObject")),
            Map.entry("UploadPart", List.of("PutObject")),
            Map.entry("UploadPartCopy", List.of("PutObject", "GetObject")));

    // Object operations that name a version need the version's own action instead.
    private static final Map<String, String> S3_VERSIONED = Map.of(
            "GetObject", "GetObjectVersion",
            "HeadObject", "GetObjectVersion",
            "DeleteObject", "DeleteObjectVersion",
            "GetObjectAcl", "GetObjectVersionAcl",
            "PutObjectAcl", "PutObjectVersionAcl",
            "GetObjectTagging", "GetObjectVersionTagging",
            "PutObjectTagging", "PutObjectVersionTagging",
            "DeleteObjectTagging", "DeleteObjectVersionTagging",
            "GetObjectAttributes", "GetObjectVersion");

    private IamActions() {
    }

    /** Returns the IAM prefix of a client's service name, such as {@code ec2} for {@code Ec2}. */
    static String prefix(String serviceName) {
        return PREFIXES.getOrDefault(serviceName, serviceName.toLowerCase(Locale.ROOT));
    }

    /**
     * Maps one call to the IAM actions it needs, such as {@code [s3:PutObject, s3:GetObject]} for
     * {@code CopyObject}.
     *
     * @param request the call's request, read for an S3 version id; may be null
     */
    // NOTE: extra actions that depend on request headers are not added: PutObject with an
    // ACL or tags also needs s3:PutObjectAcl or s3:PutObjectTagging, and DeleteObjects with
    // version ids needs s3:DeleteObjectVersion.
    static List<String> of(String serviceName, String operationName, SdkRequest request) {
        String prefix = prefix(serviceName);
        if (!"s3".equals(prefix)) {
            return List.of(prefix + ":" + operationName);
        }
        if (S3_VERSIONED.containsKey(operationName) && versionId(request).isPresent()) {
            List<String> versioned = "GetObjectAttributes".equals(operationName)
                    ? List.of("GetObjectVersion", "GetObjectVersionAttributes")
                    : List.of(S3_VERSIONED.get(operationName));
            return versioned.stream().map(action -> "s3:" + action).toList();
        }
        return S3.getOrDefault(operationName, List.of(operationName)).stream().map(action -> "s3:" + action).toList();
    }

    private static Optional<String> versionId(SdkRequest request) {
        if (request == null) {
            return Optional.empty();
        }
        return request.getValueForField("VersionId", String.class).filter(id -> !id.isBlank());
    }
}
