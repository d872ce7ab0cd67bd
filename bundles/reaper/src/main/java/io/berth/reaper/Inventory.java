package io.berth.reaper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployment's cluster resources as one reaper pass found them, reduced to ids, tags and
 * times, so that the decisions can be made and tested without AWS.
 *
 * @param instances the instances that carry a cluster tag, in any state: ended ones tell which
 *                  fleets and launch templates were used
 * @param templates the launch templates that carry a cluster tag
 * @param fleets    the fleets recorded on those launch templates, with their own tags and state
 */
record Inventory(List<Instance> instances, List<Template> templates, List<Fleet> fleets) {

    Inventory {
        instances = List.copyOf(instances);
        templates = List.copyOf(templates);
        fleets = List.copyOf(fleets);
    }

    /**
     * @param state      the instance state, such as {@code running} or {@code terminated}
     * @param launchTime when EC2 launched it, or null when the response did not say
     */
    record Instance(String id, String state, Map<String, String> tags, Instant launchTime) {

        /** Instance states in which an instance still belongs to a running cluster. */
        static final Set<String> LIVE_STATES = Set.of("pending", "running", "stopping", "stopped");

        boolean isLive() {
            return LIVE_STATES.contains(state);
        }
    }

    /** @param createTime when the launch template was created, or null when the response did not say */
    record Template(String id, String name, Map<String, String> tags, Instant createTime) {
    }

    /** @param state the fleet state, such as {@code active} or {@code deleted_terminating} */
    record Fleet(String id, Map<String, String> tags, String state) {
    }
}
