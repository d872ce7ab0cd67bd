package io.berth.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Clients that call AWS as a runtime role, with credentials from STS AssumeRole that are
 * renewed before they expire. The caller closes it, which closes every client it built.
 */
public interface AssumedRoleClients extends AutoCloseable {

    /** The ARN of the assumed role. */
    String roleArn();

    Region region();

    Ec2Client ec2();

    IamClient iam();

    StsClient sts();

    S3Client s3();

    /** Every call made through these clients, the AssumeRole calls of the source identity excluded. */
    OperationRecorder recorder();

    @Override
    void close();
}
