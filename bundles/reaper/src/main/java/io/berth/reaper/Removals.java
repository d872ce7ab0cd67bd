package io.berth.reaper;

import io.berth.api.BerthException;
import io.berth.api.ReapDecision;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteFleetErrorItem;
import software.amazon.awssdk.services.ec2.model.DeleteFleetsResponse;

/**
 * Carries out the removals of one pass in the order of {@link Removal.Kind}: fleets with their
 * instances, the remaining instances in batches, the fleets with no instance left, and then the
 * launch templates. A failed call marks
 * its resources as not removed, with the error, and the pass goes on, so that one stuck resource
 * does not keep the others running.
 */
final class Removals {

    /** Ids per TerminateInstances call: it takes up to 1000, and AWS recommends smaller batches. */
    static final int INSTANCES_PER_CALL = 500;
    /** DeleteFleets takes at most 25 fleets of type instant per call. */
    static final int FLEETS_PER_CALL = 25;

    private static final Logger LOG = LoggerFactory.getLogger(Removals.class);

    private final Ec2Client ec2;
    private final DeploymentConfig config;

    Removals(Ec2Client ec2, DeploymentConfig config) {
        this.ec2 = ec2;
        this.config = config;
    }

    List<ReapDecision> execute(List<Removal> removals) {
        List<ReapDecision> decisions = new ArrayList<>();
        for (List<Removal> batch : batches(ofKind(removals, Removal.Kind.FLEET), FLEETS_PER_CALL)) {
            deleteFleets(batch, decisions);
        }
        // TerminateInstances succeeds for instances that their fleet's deletion already ended.
        for (List<Removal> batch : batches(ofKind(removals, Removal.Kind.INSTANCE), INSTANCES_PER_CALL)) {
            List<String> ids = batch.stream().map(Removal::resourceId).toList();
            if (run(batch, decisions, "ec2:TerminateInstances", () -> ec2.terminateInstances(request -> request.instanceIds(ids)))) {
                LOG.info("terminated {} instance(s) of deployment {}, clusters {}", ids.size(), config.deployment(), clusters(batch));
            }
        }
        for (List<Removal> batch : batches(ofKind(removals, Removal.Kind.EMPTY_FLEET), FLEETS_PER_CALL)) {
            deleteFleets(batch, decisions);
        }
        for (Removal template : ofKind(removals, Removal.Kind.LAUNCH_TEMPLATE)) {
            if (run(List.of(template), decisions, "ec2:DeleteLaunchTemplate",
                    () -> ec2.deleteLaunchTemplate(request -> request.launchTemplateId(template.resourceId())))) {
                LOG.info("deleted launch template {} of cluster {} of deployment {}: {}", template.resourceId(),
                        template.cluster(), config.deployment(), template.reason());
            }
        }
        return decisions;
    }

    /**
     * Deletes fleets with TerminateInstances set, which EC2 requires for fleets of type instant.
     * NOTE: that would also end an instance of the fleet whose Berth tags someone removed. And
     * moto 5.2.5 rejects it with InvalidParameterCombination when the fleet has no instance left.
     */
    private void deleteFleets(List<Removal> batch, List<ReapDecision> decisions) {
        List<String> ids = batch.stream().map(Removal::resourceId).toList();
        DeleteFleetsResponse response;
        try {
            response = AwsErrors.call("ec2:DeleteFleets", () -> ec2.deleteFleets(request -> request.fleetIds(ids).terminateInstances(true)));
        } catch (BerthException e) {
            if (batch.size() == 1) {
                failed(batch, decisions, e.getMessage());
                return;
            }
            // A request can fail as a whole for one bad fleet (moto 5.2.5 does that), so the fleets are
            // tried one by one, and one bad fleet does not keep the others.
            LOG.info("DeleteFleets failed for {} fleets together ({}); deleting them one by one", batch.size(), e.getMessage());
            batch.forEach(removal -> deleteFleets(List.of(removal), decisions));
            return;
        }
        for (Removal removal : batch) {
            DeleteFleetErrorItem error = response.unsuccessfulFleetDeletions().stream()
                    .filter(item -> removal.resourceId().equals(item.fleetId()))
                    .findFirst().orElse(null);
            if (error == null) {
                decisions.add(decision(removal, true, null));
                LOG.info("deleted fleet {} of cluster {} of deployment {}: {}", removal.resourceId(), removal.cluster(),
                        config.deployment(), removal.reason());
            } else {
                decisions.add(decision(removal, false, "ec2:DeleteFleets failed: " + error.error().codeAsString() + " "
                        + error.error().message()));
            }
        }
    }

    /** Makes one call for a batch and records its decisions. Returns whether the call succeeded. */
    private boolean run(List<Removal> batch, List<ReapDecision> decisions, String action, Runnable call) {
        try {
            AwsErrors.call(action, () -> {
                call.run();
                return null;
            });
            batch.forEach(removal -> decisions.add(decision(removal, true, null)));
            return true;
        } catch (BerthException e) {
            failed(batch, decisions, e.getMessage());
            return false;
        }
    }

    private void failed(List<Removal> batch, List<ReapDecision> decisions, String error) {
        LOG.warn("could not remove {} of deployment {}: {}", batch.stream().map(Removal::resourceId).toList(),
                config.deployment(), error);
        batch.forEach(removal -> decisions.add(decision(removal, false, error)));
    }

    static ReapDecision decision(Removal removal, boolean removed, String error) {
        String reason = error == null ? removal.reason() : removal.reason() + "; not removed: " + error;
        return new ReapDecision(removal.resourceId(), removal.cluster(), reason, removed);
    }

    private static List<Removal> ofKind(List<Removal> removals, Removal.Kind kind) {
        return removals.stream().filter(removal -> removal.kind() == kind).toList();
    }

    private static List<String> clusters(List<Removal> batch) {
        return batch.stream().map(Removal::cluster).distinct().sorted().toList();
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            batches.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return batches;
    }
}
