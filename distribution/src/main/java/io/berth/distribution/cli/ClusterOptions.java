package io.berth.distribution.cli;

import io.berth.api.Cluster;
import io.berth.api.InvalidConfigException;
import io.berth.distribution.clusters.ClusterView;
import java.io.PrintWriter;
import java.util.Map;

/** Option names in errors and the text form of a cluster, shared by the cluster commands. */
final class ClusterOptions {

    /** The command-line option of each cluster request field that errors name. */
    private static final Map<String, String> OPTIONS = Map.of(
            "name", "--name",
            "instanceTypes", "--instance-type",
            "count", "--count",
            "idleTimeout", "--idle-timeout",
            "maxLifetime", "--max-lifetime",
            "mode", "--mode");

    private ClusterOptions() {
    }

    /** Returns the error with the request field replaced by the option that sets it, such as {@code --count}. */
    static InvalidConfigException withOptionName(InvalidConfigException error) {
        String option = OPTIONS.get(error.field());
        if (option == null) {
            return error;
        }
        String message = error.getMessage().substring(error.field().length() + 2);
        return new InvalidConfigException(option, message, error.fix());
    }

    static void print(Cluster cluster, PrintWriter out) {
        ClusterView view = ClusterView.of(cluster);
        out.printf("  %s: %d x %s, %s mode, %s%n", view.name(), view.instanceIds().size(), view.instanceType(),
                view.mode(), view.capacity());
        out.printf("    started %s, last activity %s, idle timeout %s, max lifetime %s%n", view.launchedAt(),
                view.lastActivity(), view.idleTimeout(), view.maxLifetime());
        out.printf("    fleet %s, launch template %s%n", orDash(view.fleetId()), orDash(view.launchTemplateId()));
        out.printf("    instances %s%n", String.join(", ", view.instanceIds()));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
