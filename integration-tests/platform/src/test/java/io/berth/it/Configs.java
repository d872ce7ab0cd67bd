package io.berth.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small deployment configs for the tests, written to a test folder. */
final class Configs {

    private Configs() {
    }

    static Path managed(Path folder, String deployment, String region, String cidr, String ingressCidr) throws IOException {
        return write(folder, deployment, """
                deployment: %s
                region: %s
                accountId: "123456789012"
                mode: direct
                network:
                  managed: { cidr: %s }
                ingress:
                  cidrs: [%s]
                  ports: [443]
                buckets:
                  - name: acme-analytics-data
                    prefixes: [polars/]
                controlPlane:
                  principal: arn:aws:iam::111122223333:role/berth-control-plane
                  externalId: 5d1e0c7a-example
                tags: { cost-center: "4711" }
                """.formatted(deployment, region, cidr, ingressCidr));
    }

    static Path byonProxy(Path folder, String deployment, String region, String vpcId, String subnetA, String subnetB)
            throws IOException {
        return write(folder, deployment, """
                deployment: %s
                region: %s
                accountId: "123456789012"
                mode: proxy
                network:
                  byon: { vpcId: %s, subnetIds: [%s, %s] }
                buckets:
                  - name: acme-analytics-data
                controlPlane:
                  principal: arn:aws:iam::111122223333:role/berth-control-plane
                  externalId: 5d1e0c7a-example
                """.formatted(deployment, region, vpcId, subnetA, subnetB));
    }

    /**
     * Writes a managed deployment without buckets, which the built-in validation warns about,
     * with {@code rules.failOn: warning}, so that plan, apply and template stop on it.
     */
    static Path refusedOnWarning(Path folder, String deployment) throws IOException {
        return write(folder, deployment, """
                deployment: %s
                region: eu-west-1
                accountId: "123456789012"
                network:
                  managed: { cidr: 10.42.0.0/16 }
                controlPlane:
                  principal: arn:aws:iam::111122223333:role/berth-control-plane
                  externalId: 5d1e0c7a-example
                rules:
                  failOn: warning
                """.formatted(deployment));
    }

    static Path write(Path folder, String name, String yaml) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
