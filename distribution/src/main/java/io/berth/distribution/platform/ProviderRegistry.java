package io.berth.distribution.platform;

import io.berth.api.ActiveProviders;
import io.berth.api.FleetProvider;
import io.berth.api.InvalidConfigException;
import io.berth.api.NetworkProvider;
import io.berth.api.Provider;
import io.berth.api.ReaperProvider;
import io.berth.api.RoleProvider;
import io.berth.api.SecurityGroupProvider;
import io.berth.api.config.DeploymentConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks the services of every {@link ServiceType} and picks the active one. Each call looks
 * the providers up afresh, so a bundle installed or removed while the host runs takes effect
 * on the next call, without a restart.
 */
public final class ProviderRegistry implements AutoCloseable {

    private final BundleContext context;
    private final Map<ServiceType, ServiceTracker<Object, Object>> trackers = new EnumMap<>(ServiceType.class);

    public ProviderRegistry(BundleContext context) {
        this.context = context;
        for (ServiceType type : ServiceType.values()) {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, type.interfaceName(), null);
            // The host never casts an AWS clients service, so it tracks it whichever class
            // loader its interface came from; the others must share the host's API classes.
            tracker.open(type == ServiceType.AWS_CLIENTS);
            trackers.put(type, tracker);
        }
    }

    @Override
    public void close() {
        trackers.values().forEach(ServiceTracker::close);
    }

    /** Returns whether at least one provider of every type is registered. */
    public boolean allPresent() {
        return missingTypes().isEmpty();
    }

    public List<ServiceType> missingTypes() {
        return Arrays.stream(ServiceType.values()).filter(type -> references(type).isEmpty()).toList();
    }

    public List<ServiceTypeStatus> status() {
        List<ServiceTypeStatus> all = new ArrayList<>();
        for (ServiceType type : ServiceType.values()) {
            List<ProviderInfo> providers = references(type).stream().map(ProviderRegistry::describe).toList();
            ProviderInfo active = providers.isEmpty() ? null : providers.get(0);
            List<ProviderInfo> alternatives = providers.isEmpty() ? List.of() : providers.subList(1, providers.size());
            all.add(new ServiceTypeStatus(type.id(), type.interfaceName(), active, alternatives));
        }
        return all;
    }

    /** The one service of a type that has a single implementation in use, such as the setup service. */
    public <T> T service(ServiceType type, Class<T> interfaceType) {
        return references(type).stream()
                .map(reference -> interfaceType.cast(trackers.get(type).getService(reference)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no " + type.id() + " service is registered: check `berth bundles` for a bundle that is not active"));
    }

    /**
     * Returns the one service of a type, waiting up to {@code timeout} for it to register.
     * Declarative Services activates components after their bundles start, so a command that
     * runs right after start-up may otherwise find nothing yet.
     */
    public <T> T awaitService(ServiceType type, Class<T> interfaceType, java.time.Duration timeout) {
        try {
            trackers.get(type).waitForService(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return service(type, interfaceType);
    }

    /** Picks, for each provider type, the one that serves this deployment. */
    public ActiveProviders activeFor(DeploymentConfig config) {
        String namedNetwork = config.network() == null ? null : config.network().provider();
        return new ActiveProviders(
                choose(ServiceType.NETWORK, NetworkProvider.class, config, namedNetwork, "network.provider"),
                choose(ServiceType.SECURITY_GROUPS, SecurityGroupProvider.class, config, null, null),
                choose(ServiceType.ROLES, RoleProvider.class, config, null, null),
                choose(ServiceType.FLEET, FleetProvider.class, config, null, null),
                choose(ServiceType.REAPER, ReaperProvider.class, config, null, null));
    }

    private <T extends Provider> T choose(ServiceType type, Class<T> interfaceType, DeploymentConfig config,
            String name, String field) {
        List<T> candidates = references(type).stream()
                .map(reference -> interfaceType.cast(trackers.get(type).getService(reference)))
                .filter(java.util.Objects::nonNull)
                .toList();
        if (name != null) {
            return candidates.stream()
                    .filter(provider -> provider.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConfigException(field,
                            "no " + type.id() + " provider named '" + name + "' is installed",
                            "use one of " + names(candidates) + ", or drop the bundle that provides it into the deploy folder"));
        }
        return candidates.stream()
                .filter(provider -> provider.accepts(config))
                .findFirst()
                .orElseThrow(() -> new InvalidConfigException(type.id(),
                        "none of the installed " + type.id() + " providers " + names(candidates) + " accepts this configuration",
                        "check the " + type.id() + " section of the config, or install a provider for it"));
    }

    private List<ServiceReference<Object>> references(ServiceType type) {
        ServiceReference<Object>[] found = trackers.get(type).getServiceReferences();
        if (found == null) {
            return List.of();
        }
        // ServiceReference orders by ranking, then by registration; the highest sorts last.
        return Arrays.stream(found).sorted(Comparator.reverseOrder()).toList();
    }

    private static String names(List<? extends Provider> providers) {
        return providers.stream().map(Provider::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static ProviderInfo describe(ServiceReference<?> reference) {
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        String name = Optional.ofNullable(reference.getProperty(Provider.NAME_PROPERTY))
                .map(Object::toString)
                .orElse(String.valueOf(reference.getProperty("component.name")));
        return new ProviderInfo(
                name,
                reference.getBundle().getSymbolicName(),
                reference.getBundle().getVersion().toString(),
                ranking instanceof Integer value ? value : 0,
                (Long) reference.getProperty(Constants.SERVICE_ID));
    }
}
