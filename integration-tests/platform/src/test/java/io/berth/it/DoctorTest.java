package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth doctor} run as a process against the moto and OPA servers of this test run. Its
 * caller identity check is an STS call made by the io.berth.aws bundle inside the framework.
 */
class DoctorTest {

    private static final String MOTO_ACCOUNT = "123456789012";
    private static final String MOTO_DEFAULT_ARN = "arn:aws:sts::123456789012:user/moto";

    @TempDir
    Path workDir;

    @Test
    void passesAgainstMoto() throws Exception {
        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor");

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "region", "ok", "eu-west-1 (from AWS_REGION)");
        assertLine(result, "endpoint", "ok", TestServers.moto() + " (from AWS_ENDPOINT_URL), responds");
        assertLine(result, "credentials", "ok", "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        assertLine(result, "caller identity", "ok", "account " + MOTO_ACCOUNT + ", " + MOTO_DEFAULT_ARN);
        assertLine(result, "rule engine", "ok", "not checked: no config");
        assertLine(result, "bundles", "ok", "every service has a provider");
        assertFalse(result.stdout().contains("secret-for-doctor"), "doctor printed the secret key");
        assertNoStackTrace(result);
    }

    @Test
    void configWithOpaEngineChecksTheOpaServer() throws Exception {
        Path config = writeConfig("eu-west-1", "opa", TestServers.opa().toString());

        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor", "--config", config.toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "config", "ok", "deployment analytics");
        assertLine(result, "region", "ok", "eu-west-1 (from region in the config file)");
        assertLine(result, "rule engine", "ok", "opa at " + TestServers.opa() + ", /health returns 200");
    }

    @Test
    void configWithEmbeddedEngineFindsTheCompiledRules() throws Exception {
        Path config = writeConfig("eu-west-1", "embedded", null);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor", "--config", config.toString());

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "rule engine", "ok", "embedded, compiled rules in "
                + BerthProcess.ROOT.resolve("policies/bundle.tar.gz"));
    }

    @Test
    void unreachableEndpointFailsWithFix() throws Exception {
        String closed = "http://127.0.0.1:" + BerthProcess.freePort();
        Map<String, String> environment = motoEnvironment();
        environment.put("AWS_ENDPOINT_URL", closed);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, environment, "doctor");

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "endpoint", "FAIL", "could not reach " + closed);
        assertTrue(result.stdout().contains("fix: start the server at AWS_ENDPOINT_URL (" + closed + ")"), result.stdout());
        assertLine(result, "caller identity", "FAIL", "not checked: the endpoint does not respond");
        assertNoStackTrace(result);
    }

    @Test
    void missingCredentialsFailWithFix() throws Exception {
        Map<String, String> environment = motoEnvironment();
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, environment, "doctor");

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "credentials", "FAIL", "no AWS credentials found");
        assertTrue(result.stdout().contains("fix: set AWS_PROFILE to a profile in ~/.aws/config, or set AWS_ACCESS_KEY_ID"),
                result.stdout());
        assertNoStackTrace(result);
    }

    @Test
    void unknownProfileIsNamed() throws Exception {
        Map<String, String> environment = motoEnvironment();
        environment.put("AWS_PROFILE", "no-such-profile");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, environment, "doctor");

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "credentials", "FAIL", "AWS_PROFILE: profile 'no-such-profile' not found in "
                + workDir.resolve("no-aws-config"));
        assertTrue(result.stdout().contains("or unset AWS_PROFILE"), result.stdout());
        assertNoStackTrace(result);
    }

    @Test
    void unknownRegionInConfigIsNamed() throws Exception {
        Path config = writeConfig("eu-wset-1", "embedded", null);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor", "--config", config.toString());

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "region", "FAIL", "region: unknown AWS region 'eu-wset-1'");
        assertTrue(result.stdout().contains("fix: set region in the config file to a known region, such as eu-west-1"),
                result.stdout());
        assertNoStackTrace(result);
    }

    @Test
    void missingRegionIsNamed() throws Exception {
        Map<String, String> environment = motoEnvironment();
        environment.remove("AWS_REGION");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, environment, "doctor");

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "region", "FAIL", "AWS_REGION: no AWS region is set");
        assertNoStackTrace(result);
    }

    @Test
    void unreachableOpaServerFailsWithFix() throws Exception {
        String closed = "http://127.0.0.1:" + BerthProcess.freePort();
        Path config = writeConfig("eu-west-1", "opa", closed);

        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor", "--config", config.toString());

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "rule engine", "FAIL", "opa at " + closed + " did not respond");
        assertTrue(result.stdout().contains("fix: start OPA with `opa run --server"), result.stdout());
        assertNoStackTrace(result);
    }

    @Test
    void invalidConfigFailsAndStillChecksBundles() throws Exception {
        Path config = Files.writeString(workDir.resolve("berth.yaml"), "deployment: analytics\nregion: eu-west-1\nnetwrok: {}\n");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, motoEnvironment(), "doctor", "--config", config.toString());

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        assertLine(result, "config", "FAIL", "unknown key 'netwrok'");
        assertLine(result, "bundles", "ok", "every service has a provider");
        assertNoStackTrace(result);
    }

    /** Test keys that moto accepts while its IAM enforcement is off. */
    private static Map<String, String> motoEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ENDPOINT_URL", TestServers.moto().toString());
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "AKIDDOCTORTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "secret-for-doctor");
        return environment;
    }

    private Path writeConfig(String region, String engine, String opaUrl) throws Exception {
        String yaml = "deployment: analytics\n"
                + "region: " + region + "\n"
                + "network:\n  managed: { cidr: 10.42.0.0/16 }\n"
                + "controlPlane:\n  principal: arn:aws:iam::111122223333:role/berth-control-plane\n"
                + "  externalId: 5d1e0c7a-example\n"
                + "rules:\n  engine: " + engine + "\n"
                + (opaUrl == null ? "" : "  opaUrl: " + opaUrl + "\n");
        return Files.writeString(workDir.resolve("berth.yaml"), yaml);
    }

    /** Asserts a line of the check table: the check's name, its status, and text in its detail. */
    private static void assertLine(BerthProcess.CommandResult result, String check, String status, String detail) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(check) + " +" + status + " +.*" + Pattern.quote(detail));
        assertTrue(line.matcher(result.stdout()).find(),
                "no '" + check + "' line with " + status + " and '" + detail + "' in:\n" + result.stdout());
    }

    private static void assertNoStackTrace(BerthProcess.CommandResult result) {
        String output = result.stdout() + result.stderr();
        assertFalse(output.contains("\tat "), "stack trace printed:\n" + output);
        assertFalse(output.contains("Exception"), "exception printed:\n" + output);
    }
}
