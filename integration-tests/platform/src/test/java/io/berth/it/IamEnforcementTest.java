package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.CloudException;
import io.berth.api.config.ControlPlaneConfig;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AssumedRoleClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.RecordedOperation;
import io.berth.aws.internal.DefaultAwsClients;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Moto's IAM enforcement, seen through Berth's own clients: a principal that has a small
 * policy can make the calls it grants and gets AccessDenied on the rest. Later tests rely on
 * this to prove that each service's generated policy grants every action it calls.
 *
 * <p>Moto ignores Condition elements and takes the resource of an EC2 call to be "*", so
 * this proves which actions are granted, not how they are scoped.
 */
class IamEnforcementTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String USER = "berth-enforcement-" + SUFFIX;
    private static final String ROLE = "berth-enforcement-role-" + SUFFIX;

    private static String userArn;
    private static String roleArn;
    private static AccessKey userKey;

    @BeforeAll
    static void createPrincipals() throws Exception {
        TestServers.enforceIam(false);
        try (IamClient admin = adminIam()) {
            userArn = admin.createUser(request -> request.userName(USER)).user().arn();
            userKey = admin.createAccessKey(request -> request.userName(USER)).accessKey();
            admin.putUserPolicy(request -> request.userName(USER).policyName("small").policyDocument(allow(
                    "ec2:DescribeVpcs", "sts:AssumeRole", "sts:TagSession")));

            roleArn = admin.createRole(request -> request.roleName(ROLE).assumeRolePolicyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"AWS": "%s"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}]}
                    """.formatted(userArn))).role().arn();
            admin.putRolePolicy(request -> request.roleName(ROLE).policyName("small").policyDocument(allow(
                    "ec2:DescribeSubnets")));
        }
    }

    @AfterAll
    static void switchEnforcementOff() throws Exception {
        TestServers.enforceIam(false);
    }

    @Test
    void userDeniedUngrantedAction() throws Exception {
        DefaultAwsClients clients = clientsAs(userKey);
        try {
            TestServers.enforceIam(true);

            clients.ec2(config()).describeVpcs();
            CloudException denied = assertThrows(CloudException.class, () -> AwsErrors.call("ec2:DescribeSecurityGroups",
                    () -> clients.ec2(config()).describeSecurityGroups()));

            assertTrue(denied.getMessage().startsWith("ec2:DescribeSecurityGroups was denied (AccessDenied)"),
                    denied.getMessage());
            assertEquals(List.of(
                            new RecordedOperation("ec2:DescribeVpcs", true, null),
                            new RecordedOperation("ec2:DescribeSecurityGroups", false, "AccessDenied")),
                    clients.recorder().operations());
        } finally {
            TestServers.enforceIam(false);
            close(clients);
        }
    }

    @Test
    void assumedRoleDeniedUngrantedAction() throws Exception {
        DefaultAwsClients clients = clientsAs(userKey);
        try {
            TestServers.enforceIam(true);

            try (AssumedRoleClients role = clients.assumeRole(config(), roleArn, Map.of("berth:cluster", "c-1"))) {
                role.ec2().describeSubnets();
                CloudException denied = assertThrows(CloudException.class,
                        () -> AwsErrors.call("ec2:DescribeVpcs", () -> role.ec2().describeVpcs()));

                assertTrue(denied.getMessage().startsWith("ec2:DescribeVpcs was denied (AccessDenied)"), denied.getMessage());
                assertTrue(role.sts().getCallerIdentity().arn().contains(":assumed-role/" + ROLE + "/berth-enforcement"),
                        "the role's calls are not signed as the assumed role");
                assertEquals(List.of(
                                new RecordedOperation("ec2:DescribeSubnets", true, null),
                                new RecordedOperation("ec2:DescribeVpcs", false, "AccessDenied"),
                                new RecordedOperation("sts:GetCallerIdentity", true, null)),
                        role.recorder().operations());
            }
            assertEquals(List.of(new RecordedOperation("sts:AssumeRole", true, null)), clients.recorder().operations());
        } finally {
            TestServers.enforceIam(false);
            close(clients);
        }
    }

    @Test
    void unknownKeysRejected() throws Exception {
        DefaultAwsClients clients = clientsAs(AccessKey.builder().accessKeyId("AKIDUNKNOWN").secretAccessKey("unknown").build());
        try {
            TestServers.enforceIam(true);

            CloudException rejected = assertThrows(CloudException.class,
                    () -> AwsErrors.call("ec2:DescribeVpcs", () -> clients.ec2(config()).describeVpcs()));

            assertTrue(rejected.getMessage().startsWith("AWS rejected the credentials for ec2:DescribeVpcs"),
                    rejected.getMessage());
        } finally {
            TestServers.enforceIam(false);
            close(clients);
        }
    }

    /**
     * Builds Berth's clients as a deployment would, with the SDK's default credential chain.
     * The chain reads its first source, the aws.* system properties, on every call.
     */
    private static DefaultAwsClients clientsAs(AccessKey key) {
        System.setProperty("aws.endpointUrl", TestServers.moto().toString());
        System.setProperty("aws.accessKeyId", key.accessKeyId());
        System.setProperty("aws.secretAccessKey", key.secretAccessKey());
        DefaultAwsClients clients = new DefaultAwsClients();
        clients.activate();
        return clients;
    }

    private static void close(DefaultAwsClients clients) {
        clients.deactivate();
        System.clearProperty("aws.endpointUrl");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static DeploymentConfig config() {
        return new DeploymentConfig("enforcement", "eu-west-1", null, null, null, null, null,
                new ControlPlaneConfig(userArn, "external-id-for-tests"), null, null, null, null);
    }

    /** Setup calls run while enforcement is off, so moto accepts any key. */
    private static IamClient adminIam() {
        return IamClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(TestServers.moto())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDADMIN", "admin")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static String allow(String... actions) {
        String list = String.join("\", \"", actions);
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"" + list
                + "\"], \"Resource\": \"*\"}]}";
    }
}
