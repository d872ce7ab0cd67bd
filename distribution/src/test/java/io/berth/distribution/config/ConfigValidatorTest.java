package io.berth.distribution.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static final Path QUICKSTART = Path.of("../examples/quickstart.yaml");
    private static final Path BYON = Path.of("../examples/byon-proxy.yaml");
    private static final String TAGS = "tags: { cost-center: \"4711\" }";

    @Test
    void examplesAreValid() {
        assertEquals("analytics", ConfigLoader.load(QUICKSTART).deployment());
        assertEquals("reporting", ConfigLoader.load(BYON).deployment());
    }

    @Test
    void rejectsBadBucketNames() {
        for (String name : List.of("Acme_Data", "ab", "-acme-data", "acme-data-", "acme..data", "192.168.5.4",
                "xn--acme", "acme-s3alias", "a" + "b".repeat(63))) {
            InvalidConfigException error = invalid(QUICKSTART, "name: acme-analytics-data", "name: \"" + name + "\"");

            assertEquals("berth.yaml: buckets[0].name", error.field(), name);
            assertTrue(error.getMessage().contains("'" + name + "' is not a valid S3 bucket name"), error.getMessage());
            assertTrue(error.fix().contains("3 to 63 lower-case letters"), error.fix());
        }
    }

    @Test
    void rejectsBucketListedTwice() {
        InvalidConfigException error = invalid(BYON, "name: acme-shared.exports", "name: acme-reports");

        assertEquals("berth.yaml: buckets[1].name", error.field());
        assertTrue(error.getMessage().contains("listed twice"), error.getMessage());
    }

    @Test
    void rejectsWildcardInPrefix() {
        InvalidConfigException error = invalid(QUICKSTART, "prefixes: [polars/]", "prefixes: [\"polars/*\"]");

        assertEquals("berth.yaml: buckets[0].prefixes[0]", error.field());
    }

    @Test
    void rejectsMalformedPrincipalArn() {
        for (String principal : List.of("berth-control-plane", "arn:aws:iam::1111:role/berth-control-plane",
                "arn:aws:iam::111122223333:policy/berth", "arn:aws:sts::111122223333:assumed-role/cp/session")) {
            InvalidConfigException error = invalid(QUICKSTART,
                    "principal: arn:aws:iam::111122223333:role/berth-control-plane", "principal: " + principal);

            assertEquals("berth.yaml: controlPlane.principal", error.field(), principal);
            assertTrue(error.getMessage().contains("'" + principal + "' is not an IAM role, user or account root ARN"),
                    error.getMessage());
        }
    }

    @Test
    void rejectsPrincipalOfOtherPartition() {
        InvalidConfigException error = invalid(QUICKSTART, "arn:aws:iam::111122223333", "arn:aws-cn:iam::111122223333");

        assertEquals("berth.yaml: controlPlane.principal", error.field());
        assertTrue(error.getMessage().contains("partition aws-cn"), error.getMessage());
    }

    @Test
    void rejectsEmptyExternalId() {
        InvalidConfigException error = invalid(QUICKSTART, "externalId: 5d1e0c7a-example", "externalId: \"\"");

        assertEquals("berth.yaml: controlPlane.externalId", error.field());
        assertTrue(error.getMessage().contains("is missing or empty"), error.getMessage());
    }

    @Test
    void acceptsConfigWithoutControlPlane() {
        String controlPlane = "controlPlane:\n  principal: arn:aws:iam::111122223333:role/berth-control-plane\n"
                + "  externalId: 5d1e0c7a-example\n";
        String yaml = read(QUICKSTART);
        assertTrue(yaml.contains(controlPlane), () -> QUICKSTART + " no longer contains its control plane");
        DeploymentConfig config = ConfigLoader.parse("berth.yaml", yaml.replace(controlPlane, ""));

        ConfigValidator.validate("berth.yaml", config);

        assertEquals(null, config.controlPlane());
    }

    @Test
    void rejectsControlPlaneWithoutPrincipal() {
        InvalidConfigException error = invalid(QUICKSTART,
                "  principal: arn:aws:iam::111122223333:role/berth-control-plane\n", "");

        assertEquals("berth.yaml: controlPlane.principal", error.field());
    }

    @Test
    void rejectsRolePathWithoutSlashes() {
        InvalidConfigException error = invalid(QUICKSTART, "path: /berth/", "path: berth");

        assertEquals("berth.yaml: roles.path", error.field());
    }

    @Test
    void rejectsRoleNamesOverIamLimit() {
        InvalidConfigException error = invalid(QUICKSTART, "namePrefix: berth-", "namePrefix: " + "x".repeat(41));

        assertEquals("berth.yaml: roles.namePrefix", error.field());
        assertTrue(error.getMessage().contains("65 characters long, but IAM allows 64"), error.getMessage());
    }

    @Test
    void acceptsRoleNameAtIamLimit() {
        String yaml = read(QUICKSTART).replace("namePrefix: berth-", "namePrefix: " + "x".repeat(40));

        ConfigValidator.validate("berth.yaml", ConfigLoader.parse("berth.yaml", yaml));
    }

    @Test
    void rejectsBoundaryThatIsNoPolicyArn() {
        InvalidConfigException error = invalid(QUICKSTART, "permissionBoundary: null", "permissionBoundary: berth-boundary");

        assertEquals("berth.yaml: roles.permissionBoundary", error.field());
    }

    @Test
    void rejectsBoundaryOfOtherAccount() {
        InvalidConfigException error = invalid(BYON, "arn:aws:iam::444455556666:policy", "arn:aws:iam::999988887777:policy");

        assertEquals("berth.yaml: roles.permissionBoundary", error.field());
        assertTrue(error.getMessage().contains("account 999988887777"), error.getMessage());
    }

    @Test
    void rejectsMalformedAdoptedIds() {
        assertEquals("berth.yaml: network.byon.vpcId", invalid(BYON, "vpc-0abc1234def567890", "vpc-xyz").field());
        assertEquals("berth.yaml: network.byon.subnetIds[1]",
                invalid(BYON, "subnet-0b2c3d4e5f6a70829", "subnet-0b").field());
    }

    /** Loads an example with one piece of text replaced and returns the validation error. */
    @Test
    void rejectsUnreadableReaperSchedule() {
        for (String schedule : List.of("soon", "15", "0m", "-5m", "15 m")) {
            InvalidConfigException error = invalid(QUICKSTART, TAGS, TAGS + "\nreaper: { schedule: \"" + schedule + "\" }");

            assertEquals("berth.yaml: reaper.schedule", error.field(), schedule);
            assertTrue(error.fix().contains("such as 45s, 30m, 2h"), error.fix());
        }
    }

    @Test
    void rejectsPageSizeOutsideDescribeLimits() {
        for (int pageSize : new int[] {4, 1001}) {
            InvalidConfigException error = invalid(QUICKSTART, TAGS, TAGS + "\nreaper: { pageSize: " + pageSize + " }");

            assertEquals("berth.yaml: reaper.pageSize", error.field());
            assertTrue(error.getMessage().contains(pageSize + " is outside 5 to 1000"), error.getMessage());
        }
    }

    @Test
    void rejectsWorkerLimitsAndImage() {
        InvalidConfigException noInstances = invalid(QUICKSTART, TAGS, TAGS + "\nworkers: { maxInstances: 0 }");
        InvalidConfigException badImage = invalid(QUICKSTART, TAGS, TAGS + "\nworkers: { imageId: ubuntu }");

        assertEquals("berth.yaml: workers.maxInstances", noInstances.field());
        assertEquals("berth.yaml: workers.imageId", badImage.field());
    }

    @Test
    void acceptsReaperAndWorkerSettings() {
        String yaml = read(QUICKSTART).replace(TAGS, TAGS + """

                reaper: { schedule: 1h30m, pageSize: 200 }
                workers: { instanceTypes: [m5.large, m5a.large], maxInstances: 50, imageId: ami-0abc1234def567890 }""");
        DeploymentConfig config = ConfigLoader.parse("berth.yaml", yaml);

        ConfigValidator.validate("berth.yaml", config);
        assertEquals("1h30m", config.reaper().schedule());
        assertEquals(200, config.reaper().pageSize());
        assertEquals("ami-0abc1234def567890", config.workers().imageId());
    }

    private static InvalidConfigException invalid(Path example, String text, String replacement) {
        String yaml = read(example);
        assertTrue(yaml.contains(text), () -> example + " no longer contains " + text);
        DeploymentConfig config = ConfigLoader.parse("berth.yaml", yaml.replace(text, replacement));

        return assertThrows(InvalidConfigException.class, () -> ConfigValidator.validate("berth.yaml", config));
    }

    private static String read(Path example) {
        try {
            return Files.readString(example);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + example, e);
        }
    }
}
