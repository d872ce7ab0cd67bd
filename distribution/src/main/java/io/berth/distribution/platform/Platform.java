package io.berth.distribution.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The embedded OSGi platform as the host's beans see it. The server starts it before HTTP
 * listens and stops it, waiting, on shutdown; CLI commands start it on first use.
 * State is read through methods, never fields, because callers hold a client proxy.
 */
@ApplicationScoped
public class Platform {

    @Inject
    PlatformSettings settings;

    private FrameworkHost host;
    private ProviderRegistry registry;
    private DeployFolderWatcher watcher;

    void onStart(@Observes StartupEvent event) {
        if (settings.startOnBoot()) {
            start();
            watchDeployFolder();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (host != null) {
            return;
        }
        FrameworkHost starting = new FrameworkHost(settings.bundlesDir(), settings.storageDir());
        starting.start();
        host = starting;
        registry = new ProviderRegistry(host.context());
    }

    /** Installs the deploy folder's bundles now, then keeps watching it. */
    public synchronized void watchDeployFolder() {
        start();
        if (watcher == null) {
            watcher = new DeployFolderWatcher(host, settings.deployDir());
            watcher.scan();
            watcher.scan();
            watcher.start(settings.deployScanInterval());
        }
    }

    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (host != null) {
            host.stop();
            host = null;
        }
    }

    public synchronized FrameworkHost host() {
        start();
        return host;
    }

    public synchronized ProviderRegistry providers() {
        start();
        return registry;
    }

    public List<BundleInfo> bundles() {
        return host().bundles();
    }

    /** Ready when every distribution bundle is active and every service type has a provider. */
    public synchronized boolean isReady() {
        return host != null && host.distributionActive() && registry.allPresent();
    }

    public synchronized String deployFolder() {
        return settings.deployDir().toAbsolutePath().normalize().toString();
    }
}
