package io.berth.reaper;

import io.berth.api.ClusterTags;
import io.berth.api.config.DeploymentConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what one reaper pass removes. A cluster start (its launch tag groups its instances,
 * fleet and launch template) goes when it has run past its max lifetime, else when its last
 * activity is older than its idle timeout. A launch template or fleet whose start has no live
 * instance left is an orphan and goes too. Resources without the deployment's tags are never
 * considered, whatever the inventory holds.
 */
final class ReapPlanner {

    /**
     * How long a launch template is left alone when nothing shows that its start launched, because
     * that start may still be running. A fleet recorded on it, or an instance of its start in any
     * state, shows that the start finished.
     */
    static final Duration LAUNCH_GRACE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ReapPlanner.class);

    private final String deployment;
    private final Instant now;

    private ReapPlanner(String deployment, Instant now) {
        this.deployment = deployment;
        this.now = now;
    }

    /** Returns the removals of one pass, in the order of {@link Removal.Kind}. */
    static List<Removal> plan(String deployment, Inventory inventory, Instant now) {
        return new ReapPlanner(deployment, now).plan(inventory);
    }

    private List<Removal> plan(Inventory inventory) {
        List<Inventory.Instance> owned = inventory.instances().stream().filter(instance -> owned(instance.tags())).toList();
        List<Inventory.Instance> instances = owned.stream().filter(Inventory.Instance::isLive).toList();
        Set<String> launched = new HashSet<>();
        owned.forEach(instance -> addIfPresent(launched, instance.tags().get(ClusterTags.LAUNCH)));
        List<Inventory.Template> templates = inventory.templates().stream().filter(template -> owned(template.tags())).toList();
        List<Inventory.Fleet> fleets = inventory.fleets().stream()
                .filter(fleet -> owned(fleet.tags()))
                .filter(fleet -> fleet.state() == null || !fleet.state().startsWith("deleted"))
                .toList();

        List<Removal> removals = new ArrayList<>();
        Set<String> liveLaunches = new HashSet<>();
        Set<String> removedLaunches = new HashSet<>();
        byLaunch(instances).forEach((launch, members) -> {
            String reason = reasonToRemove(launch, members, fleets);
            if (reason == null) {
                liveLaunches.add(launch);
                return;
            }
            removedLaunches.add(launch);
            String cluster = members.get(0).tags().get(ClusterTags.NAME);
            members.forEach(instance -> removals.add(new Removal(Removal.Kind.INSTANCE, instance.id(), cluster, reason)));
            fleets.stream().filter(fleet -> launch.equals(fleet.tags().get(ClusterTags.LAUNCH)))
                    .forEach(fleet -> removals.add(new Removal(Removal.Kind.FLEET, fleet.id(), cluster, reason)));
            templates.stream().filter(template -> launch.equals(template.tags().get(ClusterTags.LAUNCH)))
                    .forEach(template -> removals.add(new Removal(Removal.Kind.LAUNCH_TEMPLATE, template.id(), cluster, reason)));
        });

        fleets.forEach(fleet -> addIfPresent(launched, fleet.tags().get(ClusterTags.LAUNCH)));
        addOrphans(templates, fleets, launched, liveLaunches, removedLaunches, removals);
        removals.sort(Comparator.comparing(Removal::kind));
        return removals;
    }

    /**
     * Fleets and launch templates of starts that have no live instance and were not removed above.
     *
     * @param launched the starts that got as far as a fleet or an instance, live or ended
     */
    private void addOrphans(List<Inventory.Template> templates, List<Inventory.Fleet> fleets, Set<String> launched,
            Set<String> liveLaunches, Set<String> removedLaunches, List<Removal> removals) {
        for (Inventory.Template template : templates) {
            String launch = template.tags().get(ClusterTags.LAUNCH);
            if (launch == null || liveLaunches.contains(launch) || removedLaunches.contains(launch)) {
                continue;
            }
            boolean started = template.tags().containsKey(ClusterTags.FLEET) || launched.contains(launch);
            if (!started && template.createTime() != null && template.createTime().plus(LAUNCH_GRACE).isAfter(now)) {
                LOG.debug("launch template {} has no fleet yet and is younger than {}; leaving it", template.id(), LAUNCH_GRACE);
                continue;
            }
            removals.add(new Removal(Removal.Kind.LAUNCH_TEMPLATE, template.id(), template.tags().get(ClusterTags.NAME),
                    "launch template " + template.id() + " has no running instance"));
        }
        for (Inventory.Fleet fleet : fleets) {
            // A fleet without a launch tag cannot be matched with its instances, so it stays.
            String launch = fleet.tags().get(ClusterTags.LAUNCH);
            if (launch == null || liveLaunches.contains(launch) || removedLaunches.contains(launch)) {
                continue;
            }
            removals.add(new Removal(Removal.Kind.EMPTY_FLEET, fleet.id(), fleet.tags().get(ClusterTags.NAME),
                    "fleet " + fleet.id() + " has no running instance"));
        }
    }

    /**
     * Returns why a start goes, or null when it stays. A start whose tags give neither a max
     * lifetime nor an idle timeout stays, because no tag sets a limit for it.
     */
    private String reasonToRemove(String launch, List<Inventory.Instance> instances, List<Inventory.Fleet> fleets) {
        Map<String, String> tags = instances.get(0).tags();
        Duration maxLifetime = duration(tags.get(ClusterTags.MAX_LIFETIME));
        Duration idleTimeout = duration(tags.get(ClusterTags.IDLE_TIMEOUT));
        if (maxLifetime == null && idleTimeout == null) {
            LOG.warn("cluster {} ({}) of deployment {} has neither a valid {} nor a valid {} tag; leaving it running",
                    tags.get(ClusterTags.NAME), launch, deployment, ClusterTags.MAX_LIFETIME, ClusterTags.IDLE_TIMEOUT);
            return null;
        }
        // Whole seconds, so that the decision agrees with the figures in its reason.
        Instant startedAt = startedAt(instances);
        if (maxLifetime != null && startedAt != null) {
            Duration running = Duration.between(startedAt, now).truncatedTo(ChronoUnit.SECONDS);
            if (running.compareTo(maxLifetime) > 0) {
                return "running " + format(running) + ", max lifetime " + format(maxLifetime);
            }
        }
        Instant lastActivity = lastActivity(launch, instances, fleets, startedAt);
        if (idleTimeout != null && lastActivity != null) {
            Duration idle = Duration.between(lastActivity, now).truncatedTo(ChronoUnit.SECONDS);
            if (idle.compareTo(idleTimeout) > 0) {
                return "idle for " + format(idle) + ", idle timeout " + format(idleTimeout);
            }
        }
        return null;
    }

    /** Returns the start time tag, else the earliest launch time. */
    private static Instant startedAt(List<Inventory.Instance> instances) {
        Instant tagged = instant(instances.get(0).tags().get(ClusterTags.STARTED_AT));
        if (tagged != null) {
            return tagged;
        }
        return instances.stream().map(Inventory.Instance::launchTime).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** Returns the latest activity recorded on the start's instances or fleet, else its start time. */
    private static Instant lastActivity(String launch, List<Inventory.Instance> instances, List<Inventory.Fleet> fleets,
            Instant startedAt) {
        List<Map<String, String>> tagged = new ArrayList<>();
        instances.forEach(instance -> tagged.add(instance.tags()));
        fleets.stream().filter(fleet -> launch.equals(fleet.tags().get(ClusterTags.LAUNCH))).forEach(fleet -> tagged.add(fleet.tags()));
        return tagged.stream()
                .map(tags -> instant(tags.get(ClusterTags.LAST_ACTIVITY)))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(startedAt);
    }

    private boolean owned(Map<String, String> tags) {
        return deployment.equals(tags.get(DeploymentConfig.TAG_DEPLOYMENT))
                && "true".equals(tags.get(DeploymentConfig.TAG_MANAGED))
                && tags.get(ClusterTags.NAME) != null;
    }

    /** Groups instances by their start, or by cluster name when they have no launch tag. */
    private static Map<String, List<Inventory.Instance>> byLaunch(List<Inventory.Instance> instances) {
        Map<String, List<Inventory.Instance>> byLaunch = new LinkedHashMap<>();
        for (Inventory.Instance instance : instances) {
            String launch = Objects.requireNonNullElse(instance.tags().get(ClusterTags.LAUNCH), instance.tags().get(ClusterTags.NAME));
            byLaunch.computeIfAbsent(launch, key -> new ArrayList<>()).add(instance);
        }
        return byLaunch;
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration duration(String value) {
        try {
            Duration duration = value == null ? null : Duration.parse(value);
            return duration == null || duration.isNegative() || duration.isZero() ? null : duration;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Formats a duration as people write it: {@code 26h}, {@code 2h10m}, {@code 5m30s}, {@code 45s}. Seconds show under an hour only. */
    static String format(Duration duration) {
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (hours == 0 && (seconds > 0 || text.length() == 0)) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}
