package io.berth.aws.internal;

import io.berth.aws.OperationRecorder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds every SDK client of the bundle the same way: one given HTTP client, the configured
 * endpoint, standard retries, and the interceptors that record calls and name failed endpoints.
 */
final class ClientFactory {

    private final SdkHttpClient httpClient;
    private final Optional<URI> endpoint;
    private final List<ExecutionInterceptor> extraInterceptors;

    ClientFactory(SdkHttpClient httpClient, Optional<URI> endpoint) {
        this(httpClient, endpoint, List.of());
    }

    /**
     * @param extraInterceptors interceptors that other bundles register as services, such as a
     *                          tracing or latency bench bundle, added after Berth's own
     */
    ClientFactory(SdkHttpClient httpClient, Optional<URI> endpoint, List<ExecutionInterceptor> extraInterceptors) {
        this.httpClient = httpClient;
        this.endpoint = endpoint;
        this.extraInterceptors = List.copyOf(extraInterceptors);
    }

    Optional<URI> endpoint() {
        return endpoint;
    }

    Ec2Client ec2(Region region, AwsCredentialsProvider credentials, OperationRecorder recorder) {
        return configure(Ec2Client.builder(), region, credentials, recorder).build();
    }

    // IAM is global. Its endpoint rules send any region of a partition to the partition's one
    // IAM endpoint and sign for that endpoint's region, so the deployment's region works here.
    IamClient iam(Region region, AwsCredentialsProvider credentials, OperationRecorder recorder) {
        return configure(IamClient.builder(), region, credentials, recorder).build();
    }

    StsClient sts(Region region, AwsCredentialsProvider credentials, OperationRecorder recorder) {
        return configure(StsClient.builder(), region, credentials, recorder).build();
    }

    // Emulators such as moto serve buckets by path, not by host name.
    S3Client s3(Region region, AwsCredentialsProvider credentials, OperationRecorder recorder) {
        return configure(S3Client.builder(), region, credentials, recorder)
                .forcePathStyle(endpoint.isPresent())
                .build();
    }

    /**
     * Standard retry mode: up to 3 attempts with exponential backoff and jitter, on throttling
     * errors, 5xx responses and I/O errors (SDK 2.42.4).
     */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Region region,
            AwsCredentialsProvider credentials, OperationRecorder recorder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(configuration -> {
                    configuration.retryStrategy(RetryMode.STANDARD)
                            .addExecutionInterceptor(new RecordingInterceptor(recorder))
                            .addExecutionInterceptor(new Endpoints.NamingInterceptor());
                    extraInterceptors.forEach(configuration::addExecutionInterceptor);
                });
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
