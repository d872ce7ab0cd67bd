package io.berth.aws.internal;

import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AssumedRoleClients;
import io.berth.aws.AwsClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.OperationRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Builds and caches one client per service and region. The HTTP client is set explicitly,
 * because the SDK's ServiceLoader look-up does not see other bundles inside the framework,
 * and it is closed on deactivate, because the SDK never closes a client it was given.
 *
 * <p>Outside the framework, tests create it with {@code new}, call {@link #activate()} and
 * close it with {@link #deactivate()}.
 */
@Component(service = AwsClients.class)
public final class DefaultAwsClients implements AwsClients {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAwsClients.class);

    /** How long an assumed role's credentials last before they are renewed. */
    private static final Duration ROLE_SESSION_DURATION = Duration.ofHours(1);

    private final OperationRecorder recorder = new OperationRecorder();
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private DefaultCredentialsProvider credentials;
    // Both built on first use, so that an invalid AWS_ENDPOINT_URL or socket timeout fails the
    // command that needs a client, with a message naming the setting, and not this component's
    // activation.
    private SdkHttpClient httpClient;
    private ClientFactory factory;

    // Interceptors other bundles register, such as tracing. A new one re-activates this
    // component, so that every client is built again with it.
    @Reference(service = ExecutionInterceptor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.STATIC, policyOption = ReferencePolicyOption.GREEDY)
    private List<ExecutionInterceptor> extraInterceptors;

    @Activate
    public void activate() {
        credentials = DefaultCredentialsProvider.builder().build();
    }

    @Deactivate
    public void deactivate() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        credentials.close();
        if (httpClient != null) {
            httpClient.close();
        }
    }

    @Override
    public Ec2Client ec2(DeploymentConfig config) {
        return client("ec2", config, region -> factory().ec2(region, credentials, recorder));
    }

    @Override
    public IamClient iam(DeploymentConfig config) {
        return client("iam", config, region -> factory().iam(region, credentials, recorder));
    }

    @Override
    public StsClient sts(DeploymentConfig config) {
        return client("sts", config, region -> factory().sts(region, credentials, recorder));
    }

    @Override
    public S3Client s3(DeploymentConfig config) {
        return client("s3", config, region -> factory().s3(region, credentials, recorder));
    }

    @Override
    public Region region(DeploymentConfig config) {
        return Regions.resolve(config).region();
    }

    @Override
    public Optional<URI> endpointOverride() {
        return factory().endpoint();
    }

    @Override
    public String credentialSource() {
        CredentialSources.checkNamedProfile();
        try {
            AwsCredentials resolved = credentials.resolveCredentials();
            return CredentialSources.describe(resolved);
        } catch (SdkException e) {
            throw AwsErrors.translate(null, e);
        }
    }

    @Override
    public AssumedRoleClients assumeRole(DeploymentConfig config, String roleArn, Map<String, String> sessionTags) {
        Map<String, String> tags = new TreeMap<>(sessionTags);
        tags.put(DeploymentConfig.TAG_DEPLOYMENT, config.deployment());
        String externalId = config.controlPlane() == null ? null : config.controlPlane().externalId();

        AssumeRoleRequest request = AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName("berth-" + config.deployment())
                .externalId(externalId)
                .durationSeconds((int) ROLE_SESSION_DURATION.toSeconds())
                .tags(tags.entrySet().stream().map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList())
                .build();
        return new DefaultAssumedRoleClients(factory(), region(config), sts(config), request);
    }

    @Override
    public OperationRecorder recorder() {
        return recorder;
    }

    private synchronized ClientFactory factory() {
        if (factory == null) {
            Optional<URI> endpoint = Endpoints.configured();
            httpClient = UrlConnectionHttpClient.builder()
                    .connectionTimeout(HttpTimeouts.CONNECTION)
                    .socketTimeout(HttpTimeouts.socket())
                    .build();
            factory = new ClientFactory(httpClient, endpoint,
                    extraInterceptors == null ? List.of() : extraInterceptors);
            LOG.debug("AWS clients ready, endpoint {}",
                    factory.endpoint().map(URI::toString).orElse("from the SDK's defaults"));
        }
        return factory;
    }

    private <C extends SdkClient> C client(String service, DeploymentConfig config, Function<Region, C> create) {
        CredentialSources.checkNamedProfile();
        Region region = region(config);
        @SuppressWarnings("unchecked")
        C client = (C) clients.computeIfAbsent(service + "/" + region.id(), key -> create.apply(region));
        return client;
    }
}
