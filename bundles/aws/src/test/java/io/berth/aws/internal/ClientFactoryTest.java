package io.berth.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.BerthException;
import io.berth.api.CloudException;
import io.berth.aws.AwsErrors;
import io.berth.aws.OperationRecorder;
import io.berth.aws.RecordedOperation;
import io.berth.aws.UnreachableEndpointException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The clients as {@link ClientFactory} builds them, against a stub endpoint on loopback. */
class ClientFactoryTest {

    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTUB", "stub-secret"));

    private final OperationRecorder recorder = new OperationRecorder();
    private SdkHttpClient http;
    private StubAws stub;

    @BeforeEach
    void start() throws Exception {
        http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build();
        stub = new StubAws();
    }

    @AfterEach
    void stop() {
        stub.close();
        http.close();
    }

    @Test
    void recordsEachServiceUnderItsIamPrefix() {
        ClientFactory factory = new ClientFactory(http, Optional.of(stub.uri()));
        Region region = Region.EU_WEST_1;

        try (var sts = factory.sts(region, KEYS, recorder);
                var ec2 = factory.ec2(region, KEYS, recorder);
                var iam = factory.iam(region, KEYS, recorder);
                var s3 = factory.s3(region, KEYS, recorder)) {
            sts.getCallerIdentity();
            ec2.describeVpcs();
            iam.listRoles();
            s3.listObjectsV2(request -> request.bucket("data"));
        }

        assertEquals(List.of("sts:GetCallerIdentity", "ec2:DescribeVpcs", "iam:ListRoles", "s3:ListObjectsV2"),
                recorder.operations().stream().map(RecordedOperation::operation).toList());
        assertEquals(List.of("sts:GetCallerIdentity", "ec2:DescribeVpcs", "iam:ListRoles", "s3:ListBucket"),
                recorder.operations().stream().map(RecordedOperation::action).toList());
        assertTrue(recorder.operations().stream().allMatch(RecordedOperation::succeeded), recorder.operations().toString());
    }

    @Test
    void sdkServiceNamesAreTheMappedOnes() {
        List<String> names = new java.util.ArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                names.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
            }
        };
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder().addExecutionInterceptor(capture).build();

        try (var sts = StsClient.builder().region(Region.EU_WEST_1).credentialsProvider(KEYS).httpClient(http)
                        .endpointOverride(stub.uri()).overrideConfiguration(override).build();
                var ec2 = Ec2Client.builder().region(Region.EU_WEST_1).credentialsProvider(KEYS).httpClient(http)
                        .endpointOverride(stub.uri()).overrideConfiguration(override).build();
                var iam = IamClient.builder().region(Region.EU_WEST_1).credentialsProvider(KEYS).httpClient(http)
                        .endpointOverride(stub.uri()).overrideConfiguration(override).build();
                var s3 = S3Client.builder().region(Region.EU_WEST_1).credentialsProvider(KEYS).httpClient(http)
                        .endpointOverride(stub.uri()).forcePathStyle(true).overrideConfiguration(override).build()) {
            sts.getCallerIdentity();
            ec2.describeVpcs();
            iam.listRoles();
            s3.listObjectsV2(request -> request.bucket("data"));
        }

        assertEquals(List.of("Sts", "Ec2", "Iam", "S3"), names);
    }

    @Test
    void retriesServerErrorsAndRecordsOneCall() {
        stub.failNext(2, 503, "ServiceUnavailable");
        ClientFactory factory = new ClientFactory(http, Optional.of(stub.uri()));

        try (StsClient sts = factory.sts(Region.EU_WEST_1, KEYS, recorder)) {
            assertEquals("123456789012", sts.getCallerIdentity().account());
        }

        assertEquals(3, stub.requests());
        assertEquals(List.of(new RecordedOperation("sts:GetCallerIdentity", true, null)), recorder.operations());
    }

    @Test
    void retriesThrottlingThenReportsIt() {
        stub.failNext(3, 400, "Throttling");
        ClientFactory factory = new ClientFactory(http, Optional.of(stub.uri()));

        BerthException error;
        try (StsClient sts = factory.sts(Region.EU_WEST_1, KEYS, recorder)) {
            error = assertThrows(BerthException.class,
                    () -> AwsErrors.call("sts:GetCallerIdentity", sts::getCallerIdentity));
        }

        assertEquals(3, stub.requests());
        assertInstanceOf(CloudException.class, error);
        assertTrue(error.getMessage().contains("sts:GetCallerIdentity was throttled"), error.getMessage());
        assertEquals(List.of(new RecordedOperation("sts:GetCallerIdentity", false, "Throttling")), recorder.operations());
    }

    @Test
    void refusedConnectionNamesTheEndpoint() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        ClientFactory factory = new ClientFactory(http, Optional.of(closed));

        SdkException failure;
        try (StsClient sts = factory.sts(Region.EU_WEST_1, KEYS, recorder)) {
            failure = assertThrows(SdkException.class, sts::getCallerIdentity);
        }
        BerthException error = AwsErrors.translate("sts:GetCallerIdentity", failure);

        UnreachableEndpointException unreachable = assertInstanceOf(UnreachableEndpointException.class, error);
        assertEquals(closed.toString(), unreachable.endpoint());
        assertTrue(error.getMessage().contains("could not reach " + closed), error.getMessage());
        assertFalse(recorder.operations().get(0).succeeded());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
