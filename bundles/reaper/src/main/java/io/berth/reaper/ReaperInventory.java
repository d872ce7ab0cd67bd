package io.berth.reaper;

import io.berth.api.ClusterTags;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsErrors;
import io.berth.aws.Ec2Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Reads the deployment's cluster resources for one pass, every page of every Describe call.
 * Instances and launch templates are found by the deployment's tags. Fleets are looked up by the
 * ids recorded on the launch templates and the instances, because DescribeFleets lists instant
 * fleets only by id. Ended instances count too: EC2 lists them for about an hour after they
 * terminate, and their tags name the fleet of a cluster that {@code berth clusters stop} ended.
 */
final class ReaperInventory {

    private static final Logger LOG = LoggerFactory.getLogger(ReaperInventory.class);

    /** The largest page DescribeLaunchTemplates returns. */
    private static final int MAX_LAUNCH_TEMPLATE_PAGE = 200;
    /** Fleet ids per DescribeFleets call. */
    private static final int FLEET_IDS_PER_CALL = 100;
    /** The tag EC2 itself puts on instances that an EC2 Fleet launched. */
    private static final String EC2_FLEET_ID = "aws:ec2:fleet-id";

    private final Ec2Client ec2;
    private final DeploymentConfig config;
    private final int pageSize;

    ReaperInventory(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
        this.pageSize = config.reaper().pageSize();
    }

    Inventory read() {
        List<Inventory.Instance> instances = instances();
        List<Inventory.Template> templates = templates();

        Set<String> fleetIds = new LinkedHashSet<>();
        templates.forEach(template -> addIfPresent(fleetIds, template.tags().get(ClusterTags.FLEET)));
        for (Inventory.Instance instance : instances) {
            addIfPresent(fleetIds, instance.tags().get(ClusterTags.FLEET));
            addIfPresent(fleetIds, instance.tags().get(EC2_FLEET_ID));
        }
        return new Inventory(instances, templates, fleets(List.copyOf(fleetIds)));
    }

    private List<Inventory.Instance> instances() {
        return AwsErrors.call("ec2:DescribeInstances", () -> ec2.describeInstancesPaginator(request -> request
                        .filters(clusterFilters())
                        .maxResults(pageSize))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .map(instance -> new Inventory.Instance(instance.instanceId(),
                        instance.state() == null ? null : instance.state().nameAsString(),
                        tags(instance.tags()), instance.launchTime()))
                .toList());
    }

    private List<Inventory.Template> templates() {
        return AwsErrors.call("ec2:DescribeLaunchTemplates", () -> ec2.describeLaunchTemplatesPaginator(request -> request
                        .filters(clusterFilters())
                        .maxResults(Math.min(pageSize, MAX_LAUNCH_TEMPLATE_PAGE)))
                .launchTemplates().stream()
                .map(template -> new Inventory.Template(template.launchTemplateId(), template.launchTemplateName(),
                        tags(template.tags()), template.createTime()))
                .toList());
    }

    private List<Inventory.Fleet> fleets(List<String> fleetIds) {
        List<Inventory.Fleet> fleets = new ArrayList<>();
        for (int start = 0; start < fleetIds.size(); start += FLEET_IDS_PER_CALL) {
            List<String> batch = fleetIds.subList(start, Math.min(fleetIds.size(), start + FLEET_IDS_PER_CALL));
            try {
                fleets.addAll(describeFleets(batch));
            } catch (Ec2Exception e) {
                if (!isUnknownFleet(e)) {
                    throw AwsErrors.translate("ec2:DescribeFleets", e);
                }
                // NOTE: moto ignores unknown fleet ids, so this path has only been read, not run.
                fleets.addAll(describeEachKnownFleet(batch));
            } catch (SdkException e) {
                throw AwsErrors.translate("ec2:DescribeFleets", e);
            }
        }
        return fleets;
    }

    private List<Inventory.Fleet> describeFleets(List<String> fleetIds) {
        return ec2.describeFleetsPaginator(request -> request.fleetIds(fleetIds))
                .fleets().stream()
                .map(fleet -> new Inventory.Fleet(fleet.fleetId(), tags(fleet.tags()), fleet.fleetStateAsString()))
                .toList();
    }

    /** Describes fleets one at a time, skipping those EC2 reports as unknown, such as fleets deleted long ago. */
    private List<Inventory.Fleet> describeEachKnownFleet(List<String> fleetIds) {
        List<Inventory.Fleet> fleets = new ArrayList<>();
        for (String fleetId : fleetIds) {
            try {
                fleets.addAll(describeFleets(List.of(fleetId)));
            } catch (Ec2Exception e) {
                if (!isUnknownFleet(e)) {
                    throw AwsErrors.translate("ec2:DescribeFleets", e);
                }
                LOG.info("fleet {} recorded for deployment {} no longer exists", fleetId, config.deployment());
            }
        }
        return fleets;
    }

    private static boolean isUnknownFleet(Ec2Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && code.startsWith("InvalidFleetId");
    }

    /** Returns the filters of DescribeInstances and DescribeLaunchTemplates: the deployment's tags and a cluster name tag. */
    private List<Filter> clusterFilters() {
        List<Filter> filters = new ArrayList<>(Ec2Tags.deployment(config));
        filters.add(Filter.builder().name("tag-key").values(ClusterTags.NAME).build());
        return filters;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}
