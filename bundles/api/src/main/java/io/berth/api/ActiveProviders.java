package io.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * The providers chosen for one deployment, one per service type. The host chooses them, so
 * that swapping a bundle changes what the next operation uses.
 */
public record ActiveProviders(
        NetworkProvider network,
        SecurityGroupProvider securityGroups,
        RoleProvider roles,
        FleetProvider fleet,
        ReaperProvider reaper) {

    public ActiveProviders {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(securityGroups, "securityGroups");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(reaper, "reaper");
    }

    /** All of them, in apply order. */
    public List<Provider> all() {
        return List.of(network, securityGroups, roles, fleet, reaper);
    }
}
