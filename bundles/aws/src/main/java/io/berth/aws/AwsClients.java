package io.berth.aws;

import io.berth.api.config.DeploymentConfig;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Hands out SDK clients for a deployment's region. Clients are shared and closed by this
 * service when its bundle stops: callers must not close them.
 */
public interface AwsClients {

    Ec2Client ec2(DeploymentConfig config);

    IamClient iam(DeploymentConfig config);

    StsClient sts(DeploymentConfig config);

    S3Client s3(DeploymentConfig config);

    /** Every call made through these clients, in order. */
    OperationRecorder recorder();
}
