package io.berth.fleet;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.aws.AwsErrors;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The subnets and the security group a cluster launches into, found the way {@code berth apply}
 * left them: the adopted subnets by id, else the subnets tagged {@code subnet-a} and
 * {@code subnet-b}, and the security group tagged for the cluster's mode. When they are missing
 * the deployment is not applied, and nothing may be launched.
 *
 * @param subnets         the subnets, sorted by availability zone
 * @param securityGroupId the security group of the mode
 */
record DeploymentNetwork(List<Subnet> subnets, String securityGroupId) {

    private static final List<String> MANAGED_SUBNETS = List.of("subnet-a", "subnet-b");

    static DeploymentNetwork find(Ec2Client ec2, DeploymentConfig config, Mode mode) {
        List<Subnet> subnets = new ArrayList<>(findSubnets(ec2, config));
        subnets.sort(Comparator.comparing(Subnet::availabilityZone).thenComparing(Subnet::subnetId));

        String groupName = "security-group-" + mode.id();
        List<SecurityGroup> groups = AwsErrors.call("ec2:DescribeSecurityGroups",
                () -> ec2.describeSecurityGroups(request -> request.filters(Ec2Tags.resource(config, groupName))))
                .securityGroups();
        if (groups.isEmpty()) {
            throw notApplied(config, "no security group tagged " + Ec2Tags.RESOURCE + "=" + groupName);
        }
        return new DeploymentNetwork(List.copyOf(subnets), groups.get(0).groupId());
    }

    private static List<Subnet> findSubnets(Ec2Client ec2, DeploymentConfig config) {
        if (config.network() != null && config.network().byon() != null) {
            List<String> ids = config.network().byon().subnetIds();
            // Adopted subnets exist before apply, so a missing one is a config error and not a missing apply.
            List<Subnet> found = AwsErrors.call("ec2:DescribeSubnets", () -> ec2.describeSubnets(request -> request
                    .filters(Filter.builder().name("subnet-id").values(ids).build()))).subnets();
            if (found.size() < ids.size()) {
                throw new InvalidConfigException("network.byon.subnetIds", "only " + found.size() + " of the adopted subnets "
                        + ids + " exist in " + config.region(), "list subnets that exist in the deployment's region");
            }
            return found;
        }
        List<Filter> filters = new ArrayList<>(Ec2Tags.deployment(config));
        filters.add(Filter.builder().name("tag:" + Ec2Tags.RESOURCE).values(MANAGED_SUBNETS).build());
        List<Subnet> found = AwsErrors.call("ec2:DescribeSubnets",
                () -> ec2.describeSubnets(request -> request.filters(filters))).subnets();
        if (found.isEmpty()) {
            throw notApplied(config, "no subnet tagged " + DeploymentConfig.TAG_DEPLOYMENT + "=" + config.deployment()
                    + " and " + Ec2Tags.RESOURCE + "=" + String.join("|", MANAGED_SUBNETS));
        }
        return found;
    }

    private static InvalidConfigException notApplied(DeploymentConfig config, String missing) {
        return new InvalidConfigException("deployment", "deployment " + config.deployment() + " is not applied in "
                + config.region() + ": " + missing + " exists", "run `berth apply` with this config first, then start the cluster");
    }

    List<String> zones() {
        return subnets.stream().map(Subnet::availabilityZone).distinct().toList();
    }
}
