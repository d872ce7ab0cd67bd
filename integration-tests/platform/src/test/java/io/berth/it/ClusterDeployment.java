package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A deployment on moto for the cluster and reaper tests: its config, {@code berth apply}, the
 * cluster commands run against it, and an administrator's view of what exists.
 */
final class ClusterDeployment {

    static final String ACCOUNT = "123456789012";

    private final Path workDir;
    private final Path config;
    private final String deployment;
    private final String region;

    private ClusterDeployment(Path workDir, Path config, String deployment, String region) {
        this.workDir = workDir;
        this.config = config;
        this.deployment = deployment;
        this.region = region;
    }

    /**
     * Writes the config of a managed network in a free /16 block, with one bucket,
     * workers.maxInstances 4, and the control-plane user {@code <deployment>-control-plane} as the
     * principal the runtime roles trust.
     *
     * @param extraYaml more top-level keys, such as {@code reaper: { pageSize: 5 }}, or an empty string
     */
    static ClusterDeployment write(Path workDir, String deployment, String region, String extraYaml) throws IOException {
        String cidr = freeCidr(region);
        Path config = Configs.write(workDir, deployment, """
                deployment: %s
                region: %s
                accountId: "%s"
                mode: direct
                network:
                  managed: { cidr: %s }
                ingress:
                  cidrs: [203.0.113.0/24]
                  ports: [443]
                buckets:
                  - name: acme-analytics-data
                controlPlane:
                  principal: arn:aws:iam::%s:user/%s
                  externalId: ext-%s
                workers:
                  maxInstances: 4
                admin:
                  tokens:
                    - { name: vera, role: viewer, sha256: %s }
                    - { name: otto, role: operator, sha256: %s }
                %s
                """.formatted(deployment, region, ACCOUNT, cidr, ACCOUNT, controlPlaneUser(deployment), deployment,
                ServerConfig.sha256(BerthProcess.VIEWER_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ServerConfig.sha256(BerthProcess.OPERATOR_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                extraYaml));
        return new ClusterDeployment(workDir, config, deployment, region);
    }

    /**
     * Returns the prefix with a random suffix, so that a test run against a moto server that an
     * earlier run left state in starts with a deployment of its own.
     */
    static String uniqueName(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Returns a /16 block that no VPC in the region uses yet, because apply rejects overlapping
     * blocks and an earlier run against the same moto server may have left VPCs behind.
     */
    private static String freeCidr(String region) {
        try (Ec2Client ec2 = Moto.ec2(region)) {
            Set<String> used = new HashSet<>();
            ec2.describeVpcsPaginator(request -> { }).vpcs().forEach(vpc -> used.add(vpc.cidrBlock()));
            for (int second = 100; second < 250; second++) {
                String cidr = "10." + second + ".0.0/16";
                if (!used.contains(cidr)) {
                    return cidr;
                }
            }
        }
        throw new AssertionError("no free 10.x.0.0/16 block left in " + region + " on moto: restart the test servers");
    }

    static String controlPlaneUser(String deployment) {
        return deployment + "-control-plane";
    }

    Path config() {
        return config;
    }

    String deployment() {
        return deployment;
    }

    String region() {
        return region;
    }

    Map<String, String> admin() {
        return Moto.adminEnvironment(region);
    }

    void apply() throws Exception {
        BerthProcess.CommandResult applied = SetupOnMotoTest.apply(config, admin(), workDir.resolve(deployment + "-apply.log"));
        assertEquals(0, applied.exitCode(), applied.stdout() + applied.stderr());
    }

    /** Runs {@code berth ARGS --config CONFIG} with the given environment, writing its calls to the call log. */
    BerthProcess.CommandResult berth(Map<String, String> environment, Path callLog, String... args) throws Exception {
        Map<String, String> withLog = new HashMap<>(environment);
        withLog.put(CallLog.VARIABLE, callLog.toString());
        List<String> command = new ArrayList<>(List.of(args));
        command.add("--config");
        command.add(config.toString());
        return BerthProcess.run(workDir, withLog, command.toArray(String[]::new));
    }

    /** Runs a command as the administrator and fails the test unless it exits 0. */
    BerthProcess.CommandResult succeed(String... args) throws Exception {
        BerthProcess.CommandResult result = berth(admin(), workDir.resolve(deployment + "-calls.log"), args);
        assertEquals(0, result.exitCode(), String.join(" ", args) + ":\n" + result.stdout() + result.stderr());
        return result;
    }

    /** Starts a cluster as the administrator and returns it as {@code --format json} prints it. */
    JsonNode start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("clusters", "start", "--format", "json"));
        command.addAll(List.of(args));
        return BerthProcess.JSON.readTree(succeed(command.toArray(String[]::new)).stdout());
    }

    /** Returns the running clusters, as {@code berth clusters list --format json} prints them. */
    JsonNode list() throws Exception {
        return BerthProcess.JSON.readTree(succeed("clusters", "list", "--format", "json").stdout()).get("clusters");
    }

    /** Returns the instances tagged for the deployment's cluster that are not terminated, read as the administrator. */
    List<Instance> liveInstances(String clusterName) {
        try (Ec2Client ec2 = Moto.ec2(region)) {
            return ec2.describeInstancesPaginator(request -> request.filters(
                            Filter.builder().name("tag:berth:deployment").values(deployment).build(),
                            Filter.builder().name("tag:berth:cluster").values(clusterName).build(),
                            Filter.builder().name("instance-state-name").values("pending", "running").build()))
                    .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList();
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
