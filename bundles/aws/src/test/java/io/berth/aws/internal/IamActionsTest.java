package io.berth.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

class IamActionsTest {

    @Test
    void ec2IamAndStsKeepOperationNames() {
        assertEquals(List.of("ec2:DescribeVpcs"), IamActions.of("Ec2", "DescribeVpcs", null));
        assertEquals(List.of("ec2:CreateLaunchTemplateVersion"), IamActions.of("Ec2", "CreateLaunchTemplateVersion", null));
        assertEquals(List.of("iam:PassRole"), IamActions.of("Iam", "PassRole", null));
        assertEquals(List.of("sts:GetCallerIdentity"), IamActions.of("Sts", "GetCallerIdentity", null));
    }

    @Test
    void s3ListingsNeedListBucket() {
        assertEquals(List.of("s3:ListBucket"), IamActions.of("S3", "ListObjectsV2", null));
        assertEquals(List.of("s3:ListBucket"), IamActions.of("S3", "ListObjects", null));
        assertEquals(List.of("s3:ListBucket"), IamActions.of("S3", "HeadBucket", null));
        assertEquals(List.of("s3:ListBucketVersions"), IamActions.of("S3", "ListObjectVersions", null));
        assertEquals(List.of("s3:ListAllMyBuckets"), IamActions.of("S3", "ListBuckets", null));
    }

    @Test
    void s3ObjectCallsMapToObjectActions() {
        assertEquals(List.of("s3:GetObject"), IamActions.of("S3", "GetObject", null));
        assertEquals(List.of("s3:GetObject"), IamActions.of("S3", "HeadObject", null));
        assertEquals(List.of("s3:PutObject"), IamActions.of("S3", "PutObject", null));
        assertEquals(List.of("s3:PutObject"), IamActions.of("S3", "UploadPart", null));
        assertEquals(List.of("s3:PutObject"), IamActions.of("S3", "CompleteMultipartUpload", null));
        assertEquals(List.of("s3:DeleteObject"), IamActions.of("S3", "DeleteObjects", null));
    }

    @Test
    void s3CopiesNeedPutAndGet() {
        assertEquals(List.of("s3:PutObject", "s3:GetObject"), IamActions.of("S3", "CopyObject", null));
        assertEquals(List.of("s3:PutObject", "s3:GetObject"), IamActions.of("S3", "UploadPartCopy", null));
    }

    @Test
    void s3BucketSettingsUseTheirIamNames() {
        assertEquals(List.of("s3:PutBucketTagging"), IamActions.of("S3", "DeleteBucketTagging", null));
        assertEquals(List.of("s3:GetEncryptionConfiguration"), IamActions.of("S3", "GetBucketEncryption", null));
        assertEquals(List.of("s3:PutBucketPublicAccessBlock"), IamActions.of("S3", "PutPublicAccessBlock", null));
        assertEquals(List.of("s3:GetLifecycleConfiguration"), IamActions.of("S3", "GetBucketLifecycleConfiguration", null));
        assertEquals(List.of("s3:GetBucketLocation"), IamActions.of("S3", "GetBucketLocation", null));
    }

    @Test
    void s3CallsOnAVersionNeedTheVersionAction() {
        assertEquals(List.of("s3:GetObjectVersion"),
                IamActions.of("S3", "GetObject", GetObjectRequest.builder().bucket("b").key("k").versionId("v1").build()));
        assertEquals(List.of("s3:GetObjectVersion"),
                IamActions.of("S3", "HeadObject", HeadObjectRequest.builder().bucket("b").key("k").versionId("v1").build()));
        assertEquals(List.of("s3:DeleteObjectVersion"),
                IamActions.of("S3", "DeleteObject", DeleteObjectRequest.builder().bucket("b").key("k").versionId("v1").build()));
        assertEquals(List.of("s3:GetObject"),
                IamActions.of("S3", "GetObject", GetObjectRequest.builder().bucket("b").key("k").build()));
    }

    @Test
    void unknownServiceFallsBackToLowerCasePrefix() {
        assertEquals(List.of("ssm:GetParameter"), IamActions.of("Ssm", "GetParameter", null));
    }
}
