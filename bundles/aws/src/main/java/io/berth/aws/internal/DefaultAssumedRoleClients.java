package io.berth.aws.internal;

import io.berth.aws.AssumedRoleClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.OperationRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Clients that sign with an assumed role's credentials. The role is assumed once when this is
 * created, so that a denied AssumeRole fails here with a clear error rather than on a later call.
 */
final class DefaultAssumedRoleClients implements AssumedRoleClients {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAssumedRoleClients.class);

    private final ClientFactory factory;
    private final Region region;
    private final String roleArn;
    private final StsAssumeRoleCredentialsProvider credentials;
    private final OperationRecorder recorder = new OperationRecorder();
    private final List<SdkClient> built = new ArrayList<>();
    private Ec2Client ec2;
    private IamClient iam;
    private StsClient sts;
    private S3Client s3;

    /** @param sourceSts the STS client of the source identity; it stays open when this closes */
    DefaultAssumedRoleClients(ClientFactory factory, Region region, StsClient sourceSts, AssumeRoleRequest request) {
        this.factory = factory;
        this.region = region;
        this.roleArn = request.roleArn();
        this.credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sourceSts)
                .refreshRequest(request)
                .asyncCredentialUpdateEnabled(false)
                .build();
        try {
            AwsErrors.call("sts:AssumeRole", credentials::resolveCredentials);
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
        LOG.debug("assumed role {} as session {}", roleArn, request.roleSessionName());
    }

    @Override
    public String roleArn() {
        return roleArn;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public synchronized Ec2Client ec2() {
        ec2 = ec2 != null ? ec2 : keep(() -> factory.ec2(region, credentials, recorder));
        return ec2;
    }

    @Override
    public synchronized IamClient iam() {
        iam = iam != null ? iam : keep(() -> factory.iam(region, credentials, recorder));
        return iam;
    }

    @Override
    public synchronized StsClient sts() {
        sts = sts != null ? sts : keep(() -> factory.sts(region, credentials, recorder));
        return sts;
    }

    @Override
    public synchronized S3Client s3() {
        s3 = s3 != null ? s3 : keep(() -> factory.s3(region, credentials, recorder));
        return s3;
    }

    @Override
    public OperationRecorder recorder() {
        return recorder;
    }

    @Override
    public synchronized void close() {
        built.forEach(SdkClient::close);
        built.clear();
        credentials.close();
    }

    private <C extends SdkClient> C keep(Supplier<C> create) {
        C client = create.get();
        built.add(client);
        return client;
    }
}
