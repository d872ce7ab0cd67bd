package io.berth.fleet;

import io.berth.api.ClusterRequest;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a cluster request against the deployment's limits and fills in the defaults, before any
 * AWS call. Errors name the field of {@link ClusterRequest}, such as {@code count}.
 */
final class ClusterRequests {

    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

    /** Cluster names become part of launch template names and tag values, so they keep to a safe alphabet. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9-]+");
    private static final int MAX_INSTANCE_TYPES = 10;

    private ClusterRequests() {
    }

    /** Returns the request with its defaults filled in, or throws naming the first invalid field. */
    static ClusterRequest validate(DeploymentConfig config, ClusterRequest request) {
        validateName(request.name());
        validateInstanceTypes(request.instanceTypes());

        int max = config.workers().maxInstances();
        if (request.count() < 1 || request.count() > max) {
            throw new InvalidConfigException("count", request.count() + " is outside 1 to " + max,
                    "ask for 1 to " + max + " instances; workers.maxInstances in the config sets the maximum");
        }
        Duration idleTimeout = positive("idleTimeout", request.idleTimeout(), DEFAULT_IDLE_TIMEOUT);
        Duration maxLifetime = positive("maxLifetime", request.maxLifetime(), DEFAULT_MAX_LIFETIME);

        return new ClusterRequest(request.name(), request.instanceTypes(), request.count(), request.spot(), idleTimeout,
                maxLifetime, request.mode() == null ? config.mode() : request.mode());
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigException("name", "'" + name + "' is not a valid cluster name",
                    "use 1 to 40 lower-case letters, digits and hyphens, starting with a letter");
        }
    }

    private static void validateInstanceTypes(List<String> types) {
        if (types.isEmpty()) {
            throw new InvalidConfigException("instanceTypes", "is empty", "name at least one instance type, such as m5.large");
        }
        if (types.size() > MAX_INSTANCE_TYPES) {
            throw new InvalidConfigException("instanceTypes", "names " + types.size() + " instance types",
                    "name at most " + MAX_INSTANCE_TYPES + ", in order of preference");
        }
        Set<String> seen = new HashSet<>();
        for (String type : types) {
            if (type == null || !INSTANCE_TYPE.matcher(type).matches()) {
                throw new InvalidConfigException("instanceTypes", "'" + type + "' is not an instance type name",
                        "use names such as m5.large or c6i.2xlarge");
            }
            if (!seen.add(type)) {
                throw new InvalidConfigException("instanceTypes", type + " is named twice", "name each type once");
            }
        }
    }

    private static Duration positive(String field, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigException(field, value + " is not a positive duration", "use a duration such as 30m or 2h");
        }
        return value;
    }
}
