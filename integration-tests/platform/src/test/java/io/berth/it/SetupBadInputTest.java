package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Bad input gets exit 2, a message naming the field and the fix, and nothing created. */
class SetupBadInputTest {

    private static final String REGION = "eu-north-1";

    @TempDir
    Path workDir;

    @Test
    void adoptedVpcThatDoesNotExist() throws Exception {
        Path config = Configs.byonProxy(workDir, "it-bad-vpc", REGION, "vpc-0123456789abcdef0", "subnet-0123456789abcdef0",
                "subnet-0123456789abcdef1");

        BerthProcess.CommandResult result = applyAsAdmin(config);

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("network.byon.vpcId"), result.stderr());
        assertTrue(result.stderr().contains("not found"), result.stderr());
        assertNothingCreated("it-bad-vpc");
    }

    @Test
    void subnetsOfAnotherVpc() throws Exception {
        AdoptedVpc first = AdoptedVpc.create(REGION, "10.71.0.0/16", true);
        AdoptedVpc second = AdoptedVpc.create(REGION, "10.72.0.0/16", true);
        Path config = Configs.byonProxy(workDir, "it-bad-subnets", REGION, first.vpcId(), first.subnetA(), second.subnetB());

        BerthProcess.CommandResult result = applyAsAdmin(config);

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("belongs to " + second.vpcId()), result.stderr());
        assertNothingCreated("it-bad-subnets");
    }

    @Test
    void subnetsInOneAvailabilityZone() throws Exception {
        String vpcId;
        String subnetA;
        String subnetB;
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            String zone = ec2.describeAvailabilityZones().availabilityZones().get(0).zoneName();
            vpcId = ec2.createVpc(request -> request.cidrBlock("10.73.0.0/16")).vpc().vpcId();
            subnetA = ec2.createSubnet(request -> request.vpcId(vpcId).cidrBlock("10.73.1.0/24").availabilityZone(zone))
                    .subnet().subnetId();
            subnetB = ec2.createSubnet(request -> request.vpcId(vpcId).cidrBlock("10.73.2.0/24").availabilityZone(zone))
                    .subnet().subnetId();
        }
        Path config = Configs.byonProxy(workDir, "it-one-zone", REGION, vpcId, subnetA, subnetB);

        BerthProcess.CommandResult result = applyAsAdmin(config);

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("all in one availability zone"), result.stderr());
        assertNothingCreated("it-one-zone");
    }

    @Test
    void managedCidrOverlappingAnExistingVpc() throws Exception {
        try (Ec2Client ec2 = Moto.ec2(REGION)) {
            ec2.createVpc(request -> request.cidrBlock("10.74.0.0/16"));
        }
        Path config = Configs.managed(workDir, "it-overlap", REGION, "10.74.0.0/20", "203.0.113.0/24");

        BerthProcess.CommandResult result = applyAsAdmin(config);

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("network.managed.cidr"), result.stderr());
        assertTrue(result.stderr().contains("overlaps"), result.stderr());
        assertNothingCreated("it-overlap");
    }

    @Test
    void managedCidrTooSmallForTwoSubnets() throws Exception {
        Path config = Configs.managed(workDir, "it-small", REGION, "10.75.0.0/28", "203.0.113.0/24");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "plan", "--config", config.toString());

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("too small for two subnets"), result.stderr());
    }

    @Test
    void invalidManagedCidr() throws Exception {
        Path config = Configs.managed(workDir, "it-invalid", REGION, "10.75.0.300/16", "203.0.113.0/24");

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "plan", "--config", config.toString());

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("network.managed.cidr"), result.stderr());
    }

    @Test
    void unknownConfigKey() throws Exception {
        Path config = Configs.managed(workDir, "it-unknown", REGION, "10.76.0.0/16", "203.0.113.0/24");
        Files.writeString(config, Files.readString(config).replace("mode: direct", "mode: direct\nmodee: proxy"));

        BerthProcess.CommandResult result = BerthProcess.run(workDir, "plan", "--config", config.toString());

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("unknown key 'modee'"), result.stderr());
    }

    @Test
    void regionThatDoesNotExist() throws Exception {
        Path config = Configs.managed(workDir, "it-region", "xx-nowhere-9", "10.77.0.0/16", "203.0.113.0/24");

        BerthProcess.CommandResult result = applyAsAdmin(config);

        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stderr().contains("region"), result.stderr());
        assertNothingCreated("it-region");
    }

    @Test
    void misspeltRegionFailsOfflineCommands() throws Exception {
        Path config = Configs.managed(workDir, "it-region-plan", "us-esat-2", "10.78.0.0/16", "203.0.113.0/24");

        for (String command : List.of("plan", "policies")) {
            BerthProcess.CommandResult result = BerthProcess.run(workDir, command, "--config", config.toString());

            assertEquals(2, result.exitCode(), command + ":\n" + result.stdout() + result.stderr());
            assertTrue(result.stderr().contains("unknown AWS region 'us-esat-2'"), command + ": " + result.stderr());
            assertTrue(result.stderr().contains("such as us-east-2"), command + ": " + result.stderr());
            assertEquals("", result.stdout(), command);
        }
    }

    private BerthProcess.CommandResult applyAsAdmin(Path config) throws Exception {
        return SetupOnMotoTest.apply(config, Moto.adminEnvironment(REGION), workDir.resolve("calls.log"));
    }

    private void assertNothingCreated(String deployment) throws Exception {
        List<String> creates = CallLog.read(workDir.resolve("calls.log")).createCalls();
        assertEquals(List.of(), creates, "create calls were made");
        try (IamClient iam = Moto.iam()) {
            assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("berth-" + deployment + "-worker")));
        }
    }
}
