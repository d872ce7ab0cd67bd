package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * {@code berth apply}, {@code status} and {@code destroy} run as processes against the test
 * run's moto server. Each test works in a region of its own, so that their VPCs never meet.
 */
class SetupOnMotoTest {

    @TempDir
    Path workDir;

    @Test
    void applyConvergesAndDestroyRemovesOnlyTheDeployment() throws Exception {
        String region = "us-west-2";
        Path config = Configs.managed(workDir, "it-converge", region, "10.61.0.0/16", "203.0.113.0/24");
        String untaggedDecoy;
        String otherDeploymentDecoy;
        try (Ec2Client ec2 = Moto.ec2(region)) {
            untaggedDecoy = ec2.createVpc(request -> request.cidrBlock("10.99.0.0/16")).vpc().vpcId();
            otherDeploymentDecoy = ec2.createVpc(request -> request.cidrBlock("10.98.0.0/16")
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC).tags(
                            Tag.builder().key("berth:deployment").value("someone-else").build(),
                            Tag.builder().key("berth:managed").value("true").build()).build())).vpc().vpcId();
        }

        BerthProcess.CommandResult first = apply(config, Moto.adminEnvironment(region), workDir.resolve("first.log"));
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(first.stdout().contains("created VPC"), first.stdout());
        assertTrue(first.stdout().contains("created role berth-it-converge-worker"), first.stdout());

        BerthProcess.CommandResult status = BerthProcess.run(workDir, Moto.adminEnvironment(region), "status", "--config", config.toString());
        assertEquals(0, status.exitCode(), status.stdout() + status.stderr());

        Path secondLog = workDir.resolve("second.log");
        BerthProcess.CommandResult second = apply(config, Moto.adminEnvironment(region), secondLog);
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(List.of(), CallLog.read(secondLog).createCalls(), "a second apply changed something:\n" + second.stdout());

        BerthProcess.CommandResult destroy = BerthProcess.run(workDir, Moto.adminEnvironment(region), "destroy", "--config",
                config.toString(), "--yes");
        assertEquals(0, destroy.exitCode(), destroy.stderr());
        try (Ec2Client ec2 = Moto.ec2(region); IamClient iam = Moto.iam()) {
            assertEquals(List.of(), ec2.describeVpcs(request -> request.filters(deploymentTag("it-converge"))).vpcs());
            assertEquals(List.of(), ec2.describeSecurityGroups(request -> request.filters(deploymentTag("it-converge"))).securityGroups());
            assertEquals(1, ec2.describeVpcs(request -> request.vpcIds(untaggedDecoy)).vpcs().size());
            assertEquals(1, ec2.describeVpcs(request -> request.vpcIds(otherDeploymentDecoy)).vpcs().size());
            assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("berth-it-converge-worker")));
        }

        BerthProcess.CommandResult after = BerthProcess.run(workDir, Moto.adminEnvironment(region), "status", "--config", config.toString());
        assertEquals(1, after.exitCode(), after.stdout());
        assertTrue(after.stdout().contains("missing"), after.stdout());
    }

    @Test
    void applyResumesAfterAFailedCallWithoutDuplicates() throws Exception {
        String region = "ap-southeast-2";
        Path config = Configs.managed(workDir, "it-resume", region, "10.62.0.0/16", "203.0.113.0/24");
        String deployerPolicy = LeastPrivilege.actionOnlyDeployerPolicy(workDir, config, List.of("ec2:CreateRoute"));
        var key = Moto.userWithPolicy("it-resume-deployer", deployerPolicy);

        Moto.enforceIam(true);
        BerthProcess.CommandResult failed;
        try {
            failed = apply(config, Moto.environment(region, key.accessKeyId(), key.secretAccessKey()), workDir.resolve("failed.log"));
        } finally {
            Moto.enforceIam(false);
        }
        assertEquals(3, failed.exitCode(), failed.stdout() + failed.stderr());
        assertTrue(failed.stdout().contains("created VPC"), failed.stdout());

        BerthProcess.CommandResult resumed = apply(config, Moto.adminEnvironment(region), workDir.resolve("resumed.log"));
        assertEquals(0, resumed.exitCode(), resumed.stderr());
        assertFalse(resumed.stdout().contains("created VPC"), resumed.stdout());
        try (Ec2Client ec2 = Moto.ec2(region)) {
            assertEquals(1, ec2.describeVpcs(request -> request.filters(deploymentTag("it-resume"))).vpcs().size());
            assertEquals(2, ec2.describeSubnets(request -> request.filters(deploymentTag("it-resume"))).subnets().size());
            assertEquals(1, ec2.describeInternetGateways(request -> request.filters(deploymentTag("it-resume"))).internetGateways().size());
            assertEquals(1, ec2.describeRouteTables(request -> request.filters(deploymentTag("it-resume"))).routeTables().size());
            assertEquals(2, ec2.describeSecurityGroups(request -> request.filters(deploymentTag("it-resume"))).securityGroups().size());
        }
        assertEquals(0, BerthProcess.run(workDir, Moto.adminEnvironment(region), "destroy", "--config", config.toString(), "--yes")
                .exitCode());
    }

    @Test
    void adoptedNetworkIsUsedAndLeftInPlace() throws Exception {
        String region = "ca-central-1";
        AdoptedVpc vpc = AdoptedVpc.create(region, "10.70.0.0/16", true);
        Path config = Configs.byonProxy(workDir, "it-byon", region, vpc.vpcId(), vpc.subnetA(), vpc.subnetB());

        BerthProcess.CommandResult plan = BerthProcess.run(workDir, "plan", "--config", config.toString());
        assertTrue(plan.stdout().contains("adopt"), plan.stdout());

        BerthProcess.CommandResult applied = apply(config, Moto.adminEnvironment(region), workDir.resolve("apply.log"));
        assertEquals(0, applied.exitCode(), applied.stderr());
        assertTrue(applied.stdout().contains("adopted VPC " + vpc.vpcId()), applied.stdout());
        assertFalse(applied.stdout().contains("created VPC"), applied.stdout());

        BerthProcess.CommandResult destroyed = BerthProcess.run(workDir, Moto.adminEnvironment(region), "destroy", "--config",
                config.toString(), "--yes");
        assertEquals(0, destroyed.exitCode(), destroyed.stderr());
        try (Ec2Client ec2 = Moto.ec2(region)) {
            assertEquals(1, ec2.describeVpcs(request -> request.vpcIds(vpc.vpcId())).vpcs().size());
            assertEquals(2, ec2.describeSubnets(request -> request.subnetIds(vpc.subnetA(), vpc.subnetB())).subnets().size());
            assertEquals(List.of(), ec2.describeSecurityGroups(request -> request.filters(deploymentTag("it-byon"))).securityGroups());
        }
    }

    static BerthProcess.CommandResult apply(Path config, Map<String, String> environment, Path callLog) throws Exception {
        Map<String, String> withLog = new HashMap<>(environment);
        withLog.put(CallLog.VARIABLE, callLog.toString());
        return BerthProcess.run(config.getParent(), withLog, "apply", "--config", config.toString(), "--yes");
    }

    static Filter deploymentTag(String deployment) {
        return Filter.builder().name("tag:berth:deployment").values(deployment).build();
    }
}
