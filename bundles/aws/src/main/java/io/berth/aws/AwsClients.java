package io.berth.aws;

import io.berth.api.config.DeploymentConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Hands out SDK clients for a deployment's region. Clients are shared and closed by this
 * service when its bundle stops: callers must not close them.
 *
 * <p>Every client uses the SDK's default credential chain (which reads {@code AWS_PROFILE}),
 * the endpoint in {@code AWS_ENDPOINT_URL} when it is set, standard retries with backoff on
 * throttling and 5xx responses, and the operation recorder. Methods that take a config accept
 * null for commands that run without one: the region then comes from the SDK's default region
 * chain. Invalid settings raise {@link io.berth.api.InvalidConfigException} naming the setting.
 */
public interface AwsClients {

    Ec2Client ec2(DeploymentConfig config);

    IamClient iam(DeploymentConfig config);

    StsClient sts(DeploymentConfig config);

    S3Client s3(DeploymentConfig config);

    /**
     * Resolves the region the clients of this config use: the config's {@code region}, or the
     * SDK's default region chain when config is null. Either must be a region this SDK lists.
     */
    Region region(DeploymentConfig config);

    /** The endpoint every client is sent to, from {@code aws.endpointUrl} or {@code AWS_ENDPOINT_URL}; empty for AWS itself. */
    Optional<URI> endpointOverride();

    /**
     * Resolves the default credential chain and describes where the credentials came from,
     * such as {@code environment variables} or {@code profile 'dev'}. Never the keys themselves.
     */
    String credentialSource();

    /**
     * Assumes a role through STS and returns clients that call AWS as that role. The session
     * passes the control plane's external id from the config and carries the given session
     * tags plus {@code berth:deployment}; the role's trust policy must allow
     * {@code sts:TagSession}. Credentials are renewed before they expire.
     *
     * @param config      the deployment; its {@code controlPlane.externalId} is sent when set
     * @param roleArn     the ARN of the role to assume
     * @param sessionTags tags on the role session, such as {@code berth:cluster}
     */
    AssumedRoleClients assumeRole(DeploymentConfig config, String roleArn, Map<String, String> sessionTags);

    /** Every call made through these clients, in order, up to {@link OperationRecorder#CAPACITY}. */
    OperationRecorder recorder();
}
