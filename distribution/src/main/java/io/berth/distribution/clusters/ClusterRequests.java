package io.berth.distribution.clusters;

import io.berth.api.ClusterRequest;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.Mode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds cluster requests from what the CLI and the REST API receive. Field names in errors are
 * those of {@link ClusterRequest} and of the REST body; the CLI translates them into its options.
 */
public final class ClusterRequests {

    private ClusterRequests() {
    }

    public static ClusterRequest of(String name, List<String> instanceTypes, Integer count, boolean spot, String idleTimeout,
            String maxLifetime, String mode) {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("name", "is missing", "name the cluster, such as analytics-1");
        }
        if (instanceTypes == null || instanceTypes.isEmpty()) {
            throw new InvalidConfigException("instanceTypes", "is missing", "name at least one instance type, such as m5.large");
        }
        if (count == null) {
            throw new InvalidConfigException("count", "is missing", "give the number of instances, such as 3");
        }
        return new ClusterRequest(name, instanceTypes, count, spot, duration("idleTimeout", idleTimeout),
                duration("maxLifetime", maxLifetime), mode(mode));
    }

    /** Parses an optional duration; null stays null, so that the fleet provider's default applies. */
    public static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(field, e.getMessage(), "use " + Durations.EXAMPLES);
        }
    }

    /** Parses an optional mode; null stays null, so that the config's mode applies. */
    public static Mode mode(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(Mode.values())
                .filter(mode -> mode.id().equals(text.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidConfigException("mode", "'" + text + "' is not a mode", "use direct or proxy"));
    }
}
