package io.berth.fleet;

import io.berth.api.CloudException;
import io.berth.api.Cluster;
import io.berth.api.ClusterRequest;
import io.berth.api.ClusterTags;
import io.berth.api.ResourceNames;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsErrors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateFleetInstance;
import software.amazon.awssdk.services.ec2.model.CreateFleetRequest;
import software.amazon.awssdk.services.ec2.model.CreateFleetResponse;
import software.amazon.awssdk.services.ec2.model.DefaultTargetCapacityType;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateConfigRequest;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateOverridesRequest;
import software.amazon.awssdk.services.ec2.model.FleetOnDemandAllocationStrategy;
import software.amazon.awssdk.services.ec2.model.FleetType;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDeviceRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.OnDemandOptionsRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SpotAllocationStrategy;
import software.amazon.awssdk.services.ec2.model.SpotOptionsRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TargetCapacitySpecificationRequest;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * Launches one start of a cluster: a launch template of its own, an EC2 Fleet of type instant
 * from it, and then the fleet id recorded on the template, where the reaper finds it.
 */
final class ClusterLaunch {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLaunch.class);

    private final Ec2Client ec2;
    private final DeploymentConfig config;

    ClusterLaunch(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
    }

    Cluster launch(ClusterRequest request, DeploymentNetwork network, Placement placement, WorkerImage image) {
        String launchId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> state = ClusterTagging.launch(config, request, launchId, now);

        String templateId = createLaunchTemplate(request, network, image, launchId);
        CreateFleetResponse fleet = AwsErrors.call("ec2:CreateFleet",
                () -> ec2.createFleet(fleetRequest(request, placement, templateId, launchId, state)));
        List<String> instanceIds = fleet.instances().stream().flatMap(launched -> launched.instanceIds().stream()).sorted().toList();
        if (fleet.fleetId() != null) {
            recordFleet(fleet.fleetId(), templateId, instanceIds);
        }

        if (instanceIds.isEmpty()) {
            String errors = fleet.errors().stream().map(error -> error.errorCode() + ": " + error.errorMessage())
                    .collect(Collectors.joining("; "));
            throw new CloudException("EC2 Fleet " + fleet.fleetId() + " launched no instance for cluster " + request.name()
                    + (errors.isEmpty() ? "" : ": " + errors), "try other instance types"
                    + (request.spot() ? " or On-Demand capacity" : "") + "; the reaper removes the empty fleet and its"
                    + " launch template", null);
        }
        if (instanceIds.size() < request.count()) {
            LOG.warn("fleet {} launched {} of {} instances for cluster {}: {}", fleet.fleetId(), instanceIds.size(),
                    request.count(), request.name(), fleet.errors());
        }
        String launchedTypes = fleet.instances().stream().map(CreateFleetInstance::instanceTypeAsString).distinct().sorted()
                .collect(Collectors.joining(","));
        LOG.info("launched {} x {} for cluster {} of deployment {} in fleet {}", instanceIds.size(), launchedTypes,
                request.name(), config.deployment(), fleet.fleetId());

        return new Cluster(request.name(), request.instanceTypes(), instanceIds, fleet.fleetId(), now, now, templateId,
                launchedTypes, request.idleTimeout(), request.maxLifetime(), request.mode(), request.spot());
    }

    private String createLaunchTemplate(ClusterRequest request, DeploymentNetwork network, WorkerImage image, String launchId) {
        String name = "berth-" + config.deployment() + "-" + request.name() + "-" + launchId.substring(0, 8);
        Map<String, String> tags = ClusterTagging.base(config, request.name());
        tags.put(ClusterTags.LAUNCH, launchId);

        String templateId = AwsErrors.call("ec2:CreateLaunchTemplate", () -> ec2.createLaunchTemplate(create -> create
                        .launchTemplateName(name)
                        .clientToken(launchId)
                        .versionDescription("cluster " + request.name() + " of deployment " + config.deployment())
                        .launchTemplateData(templateData(request, network, image))
                        .tagSpecifications(ClusterTagging.specification(ResourceType.LAUNCH_TEMPLATE, tags))))
                .launchTemplate().launchTemplateId();
        LOG.info("created launch template {} ({}) for cluster {} of deployment {}", templateId, name, request.name(),
                config.deployment());
        return templateId;
    }

    /**
     * Builds the workers' launch settings: the worker instance profile, the mode's security group,
     * IMDSv2 only, an encrypted root volume, and the deployment's tags on everything launched.
     */
    private RequestLaunchTemplateData templateData(ClusterRequest request, DeploymentNetwork network, WorkerImage image) {
        List<Tag> tags = ClusterTagging.toTags(ClusterTagging.base(config, request.name()));
        List<ResourceType> tagged = new ArrayList<>(List.of(ResourceType.INSTANCE, ResourceType.VOLUME,
                ResourceType.NETWORK_INTERFACE));
        if (request.spot()) {
            tagged.add(ResourceType.SPOT_INSTANCES_REQUEST);
        }

        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder()
                .imageId(image.imageId())
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileSpecificationRequest.builder()
                        .name(ResourceNames.instanceProfileName(config)).build())
                .securityGroupIds(network.securityGroupId())
                .metadataOptions(LaunchTemplateInstanceMetadataOptionsRequest.builder()
                        .httpTokens(LaunchTemplateHttpTokensState.REQUIRED)
                        .httpEndpoint(LaunchTemplateInstanceMetadataEndpointState.ENABLED)
                        .build())
                .tagSpecifications(tagged.stream().map(type -> LaunchTemplateTagSpecificationRequest.builder()
                        .resourceType(type).tags(tags).build()).toList());
        if (image.rootDeviceName() == null) {
            LOG.warn("image {} names no root device; its volume is encrypted only if the account encrypts EBS by default",
                    image.imageId());
        } else {
            data.blockDeviceMappings(LaunchTemplateBlockDeviceMappingRequest.builder()
                    .deviceName(image.rootDeviceName())
                    .ebs(LaunchTemplateEbsBlockDeviceRequest.builder()
                            .encrypted(true)
                            .deleteOnTermination(true)
                            .volumeType(VolumeType.GP3)
                            .build())
                    .build());
        }
        return data.build();
    }

    /**
     * Builds a request for an instant fleet that launches all instances of one type or none. The
     * types are tried in order of preference, each in every subnet of a zone that offers it.
     */
    private static CreateFleetRequest fleetRequest(ClusterRequest request, Placement placement, String templateId,
            String launchId, Map<String, String> state) {
        List<FleetLaunchTemplateOverridesRequest> overrides = new ArrayList<>();
        for (int priority = 0; priority < placement.choices().size(); priority++) {
            Placement.Choice choice = placement.choices().get(priority);
            for (var subnet : choice.subnets()) {
                overrides.add(FleetLaunchTemplateOverridesRequest.builder()
                        .instanceType(choice.instanceType())
                        .subnetId(subnet.subnetId())
                        .priority((double) priority)
                        .build());
            }
        }

        CreateFleetRequest.Builder fleet = CreateFleetRequest.builder()
                .type(FleetType.INSTANT)
                .clientToken(launchId)
                .launchTemplateConfigs(FleetLaunchTemplateConfigRequest.builder()
                        .launchTemplateSpecification(template -> template.launchTemplateId(templateId).version("1"))
                        .overrides(overrides)
                        .build())
                .targetCapacitySpecification(TargetCapacitySpecificationRequest.builder()
                        .totalTargetCapacity(request.count())
                        .defaultTargetCapacityType(request.spot() ? DefaultTargetCapacityType.SPOT : DefaultTargetCapacityType.ON_DEMAND)
                        .build())
                .tagSpecifications(ClusterTagging.specification(ResourceType.FLEET, state),
                        ClusterTagging.specification(ResourceType.INSTANCE, state));
        if (request.spot()) {
            fleet.spotOptions(SpotOptionsRequest.builder()
                    .allocationStrategy(SpotAllocationStrategy.CAPACITY_OPTIMIZED_PRIORITIZED)
                    .singleInstanceType(true)
                    .minTargetCapacity(request.count())
                    .build());
        } else {
            fleet.onDemandOptions(OnDemandOptionsRequest.builder()
                    .allocationStrategy(FleetOnDemandAllocationStrategy.PRIORITIZED)
                    .singleInstanceType(true)
                    .minTargetCapacity(request.count())
                    .build());
        }
        return fleet.build();
    }

    /** Tags the launch template and the instances with the fleet id, so that the reaper can find the fleet. */
    private void recordFleet(String fleetId, String templateId, List<String> instanceIds) {
        List<String> resources = new ArrayList<>(List.of(templateId));
        resources.addAll(instanceIds);
        Tag fleet = Tag.builder().key(ClusterTags.FLEET).value(fleetId).build();
        for (List<String> batch : DefaultFleetProvider.batches(resources)) {
            AwsErrors.call("ec2:CreateTags", () -> ec2.createTags(tag -> tag.resources(batch).tags(fleet)));
        }
    }
}
