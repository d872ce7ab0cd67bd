package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsClients;
import io.berth.aws.OperationRecorder;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds and caches one client per service and region. The HTTP client is set explicitly,
 * because the SDK's ServiceLoader look-up does not see other bundles inside the framework,
 * and it is closed on deactivate, because the SDK never closes a client it was given.
 */
@Component(service = AwsClients.class)
public final class DefaultAwsClients implements AwsClients {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAwsClients.class);

    /** The variable the AWS CLI and SDKs read to send every call to one endpoint. */
    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    private final OperationRecorder recorder = new OperationRecorder();
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private SdkHttpClient httpClient;
    private URI endpoint;

    @Activate
    void activate() {
        httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(60))
                .build();
        endpoint = endpointFrom(System.getenv(ENDPOINT_VARIABLE));
        LOG.debug("AWS clients ready, endpoint {}", endpoint == null ? "from the SDK's defaults" : endpoint);
    }

    @Deactivate
    void deactivate() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        httpClient.close();
    }

    @Override
    public Ec2Client ec2(DeploymentConfig config) {
        return client("ec2", config, region -> configure(Ec2Client.builder(), region).build());
    }

    @Override
    public IamClient iam(DeploymentConfig config) {
        // IAM is global: its calls are signed for the partition's global region.
        return client("iam", config, region -> configure(IamClient.builder(), Region.AWS_GLOBAL).build());
    }

    @Override
    public StsClient sts(DeploymentConfig config) {
        return client("sts", config, region -> configure(StsClient.builder(), region).build());
    }

    @Override
    public S3Client s3(DeploymentConfig config) {
        return client("s3", config, region -> configure(S3Client.builder(), region)
                .forcePathStyle(endpoint != null)
                .build());
    }

    @Override
    public OperationRecorder recorder() {
        return recorder;
    }

    private <C extends SdkClient> C client(String service, DeploymentConfig config, Function<Region, C> factory) {
        Region region = Region.of(config.region());
        @SuppressWarnings("unchecked")
        C client = (C) clients.computeIfAbsent(service + "/" + region.id(), key -> factory.apply(region));
        return client;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
        builder.region(region)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(new RecordingInterceptor(recorder))
                        .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    static URI endpointFrom(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(ENDPOINT_VARIABLE, "'" + value + "' is not a URL",
                    "set it to an address such as http://127.0.0.1:5000, or unset it to use AWS");
        }
    }
}
