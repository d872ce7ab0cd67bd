package io.berth.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The moto server that {@code integration-tests/run-tests.sh} starts once per test run. Tests
 * use it as an administrator to set up and inspect, and hand Berth the credentials they choose.
 */
final class Moto {

    static final String URL_VARIABLE = "BERTH_TEST_MOTO_URL";
    private static final String ADMIN_KEY = "test";

    private Moto() {
    }

    static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new AssertionError(URL_VARIABLE + " is not set: run the suite with integration-tests/run-tests.sh, "
                    + "or wrap Maven in integration-tests/scripts/with-servers.sh");
        }
        return url;
    }

    /** The environment of a Berth process that calls moto with the given keys. */
    static Map<String, String> environment(String region, String accessKeyId, String secretAccessKey) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ENDPOINT_URL", url());
        environment.put("AWS_ACCESS_KEY_ID", accessKeyId);
        environment.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        environment.put("AWS_REGION", region);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    static Map<String, String> adminEnvironment(String region) {
        return environment(region, ADMIN_KEY, ADMIN_KEY);
    }

    static Ec2Client ec2(String region) {
        return Ec2Client.builder()
                .endpointOverride(URI.create(url()))
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_KEY)))
                .build();
    }

    static CloudFormationClient cloudFormation(String region) {
        return CloudFormationClient.builder()
                .endpointOverride(URI.create(url()))
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_KEY)))
                .build();
    }

    static IamClient iam() {
        return IamClient.builder()
                .endpointOverride(URI.create(url()))
                .region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_KEY)))
                .build();
    }

    /** Creates an IAM user holding only the given inline policy, and returns its access key. */
    static AccessKey userWithPolicy(String userName, String policyJson) {
        try (IamClient iam = iam()) {
            iam.createUser(request -> request.userName(userName));
            iam.putUserPolicy(request -> request.userName(userName).policyName("only").policyDocument(policyJson));
            return iam.createAccessKey(request -> request.userName(userName)).accessKey();
        }
    }

    /**
     * Switches moto's IAM enforcement on or off for the whole server. While it is on, only
     * credentials of IAM users created in moto are accepted, and each call's action is checked.
     */
    static void enforceIam(boolean on) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/moto-api/reset-auth"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(on ? "0" : "inf"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("moto did not switch IAM enforcement " + (on ? "on" : "off") + ": "
                    + response.statusCode() + " " + response.body());
        }
    }
}
