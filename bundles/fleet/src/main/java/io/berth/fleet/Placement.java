package io.berth.fleet;

import io.berth.api.InvalidConfigException;
import io.berth.aws.AwsErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Where a cluster can launch: for each requested instance type, in order of preference, the
 * deployment's subnets in availability zones where DescribeInstanceTypeOfferings reports the type as
 * offered. Types offered in none of them are skipped, so the cluster falls back to the next type.
 *
 * @param architecture the CPU architecture of the first usable type, which the image must match
 * @param choices      the usable types, in order of preference, each with its subnets
 */
record Placement(String architecture, List<Choice> choices) {

    private static final Logger LOG = LoggerFactory.getLogger(Placement.class);

    /** @param subnets the deployment's subnets in zones that offer the type */
    record Choice(String instanceType, List<Subnet> subnets) {
    }

    static Placement choose(Ec2Client ec2, List<String> types, DeploymentNetwork network, String region) {
        Map<String, InstanceTypeInfo> known = describeTypes(ec2, types, region);
        Map<String, Set<String>> zonesByType = offerings(ec2, types, network.zones());

        List<Choice> choices = new ArrayList<>();
        for (String type : types) {
            Set<String> zones = zonesByType.getOrDefault(type, Set.of());
            List<Subnet> subnets = network.subnets().stream().filter(subnet -> zones.contains(subnet.availabilityZone())).toList();
            if (subnets.isEmpty()) {
                LOG.warn("{} is not offered in {} of the deployment's subnets; trying the next instance type", type,
                        String.join(" or ", network.zones()));
            } else {
                choices.add(new Choice(type, subnets));
            }
        }
        if (choices.isEmpty()) {
            throw new InvalidConfigException("instanceTypes", "none of " + String.join(", ", types)
                    + " is offered in the availability zones of the deployment's subnets (" + String.join(", ", network.zones())
                    + ")", "choose instance types offered there: aws ec2 describe-instance-type-offerings --location-type"
                    + " availability-zone --region " + region + " lists them");
        }

        String architecture = architecture(known.get(choices.get(0).instanceType()));
        List<Choice> sameArchitecture = new ArrayList<>();
        for (Choice choice : choices) {
            if (known.get(choice.instanceType()).processorInfo().supportedArchitecturesAsStrings().contains(architecture)) {
                sameArchitecture.add(choice);
            } else {
                LOG.warn("{} does not run {} images like {}; leaving it out", choice.instanceType(), architecture,
                        choices.get(0).instanceType());
            }
        }
        return new Placement(architecture, List.copyOf(sameArchitecture));
    }

    /** Describes the types, which also proves that each of them exists in the region. */
    private static Map<String, InstanceTypeInfo> describeTypes(Ec2Client ec2, List<String> types, String region) {
        List<InstanceTypeInfo> infos;
        try {
            infos = ec2.describeInstanceTypes(request -> request.instanceTypesWithStrings(types)).instanceTypes();
        } catch (Ec2Exception e) {
            if (e.awsErrorDetails() != null && "InvalidInstanceType".equals(e.awsErrorDetails().errorCode())) {
                String subject = types.size() == 1 ? types.get(0) + " is not"
                        : "not every one of " + String.join(", ", types) + " is";
                throw new InvalidConfigException("instanceTypes", subject + " an instance type in " + region + ": "
                        + e.awsErrorDetails().errorMessage(),
                        "use instance types that exist, such as m5.large; aws ec2 describe-instance-types lists them");
            }
            throw AwsErrors.translate("ec2:DescribeInstanceTypes", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("ec2:DescribeInstanceTypes", e);
        }
        Map<String, InstanceTypeInfo> known = new HashMap<>();
        infos.forEach(info -> known.put(info.instanceTypeAsString(), info));
        return known;
    }

    private static Map<String, Set<String>> offerings(Ec2Client ec2, List<String> types, List<String> zones) {
        Map<String, Set<String>> zonesByType = new HashMap<>();
        AwsErrors.call("ec2:DescribeInstanceTypeOfferings", () -> {
            ec2.describeInstanceTypeOfferingsPaginator(request -> request.locationType(LocationType.AVAILABILITY_ZONE)
                            .filters(Filter.builder().name("instance-type").values(types).build(),
                                    Filter.builder().name("location").values(zones).build()))
                    .instanceTypeOfferings()
                    .forEach(offering -> zonesByType.computeIfAbsent(offering.instanceTypeAsString(), type -> new HashSet<>())
                            .add(offering.location()));
            return zonesByType;
        });
        return zonesByType;
    }

    /** Prefers arm64, then x86_64, among the architectures a type supports. */
    private static String architecture(InstanceTypeInfo info) {
        List<String> supported = info.processorInfo().supportedArchitecturesAsStrings();
        for (String preferred : List.of("arm64", "x86_64")) {
            if (supported.contains(preferred)) {
                return preferred;
            }
        }
        return supported.get(0);
    }

    List<String> instanceTypes() {
        return choices.stream().map(Choice::instanceType).toList();
    }
}
