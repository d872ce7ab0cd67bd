package io.berth.distribution.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.berth.distribution.admin.AdminSettings;
import io.berth.distribution.trust.BundleJar;
import io.berth.distribution.trust.TrustPolicy;
import jakarta.inject.Inject;
import java.util.ArrayList;
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

    @Inject
    AdminSettings adminSettings;

    private FrameworkHost host;
    private ProviderRegistry registry;
    private DeployFolderWatcher watcher;
    private UploadedBundles uploaded;

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
        TrustPolicy trust = adminSettings.trust();
        FrameworkHost starting = new FrameworkHost(settings.bundlesDir(), settings.storageDir());
        starting.start();
        host = starting;
        registry = new ProviderRegistry(host.context());
        uploaded = new UploadedBundles(host, settings.uploadDir(), trust);
        uploaded.installKept();
    }

    /** Installs the deploy folder's bundles now, then keeps watching it. */
    public synchronized void watchDeployFolder() {
        start();
        if (watcher == null) {
            watcher = new DeployFolderWatcher(host, settings.deployDir(), adminSettings.trust());
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
        uploaded = null;
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

    /** Returns the installed bundle with this symbolic name, the one with the lowest bundle id when several versions are installed. */
    public BundleInfo bundle(String symbolicName) {
        return host().bySymbolicName(symbolicName).stream()
                .findFirst()
                .map(host::describe)
                .orElseThrow(() -> new BundleNotFoundException(symbolicName));
    }

    /** Returns the jars found in the deploy folder or the upload folder but not installed, with the reason. */
    public synchronized List<RejectedBundle> rejectedBundles() {
        start();
        List<RejectedBundle> all = new ArrayList<>(uploaded.rejectedAtStart());
        if (watcher != null) {
            all.addAll(watcher.rejected());
        }
        return all;
    }

    /**
     * Installs or updates a bundle uploaded over the admin API, if the trust policy trusts it.
     *
     * @return the bundle as installed, and whether it is new
     */
    public UploadResult upload(BundleJar jar) {
        return uploads().upload(jar);
    }

    /** Uninstalls a bundle uploaded over the admin API. */
    public BundleInfo removeUploaded(String symbolicName) {
        return uploads().remove(symbolicName);
    }

    private synchronized UploadedBundles uploads() {
        start();
        return uploaded;
    }

    /** Ready when every distribution bundle is active and every service type has a provider. */
    public synchronized boolean isReady() {
        return host != null && host.distributionActive() && registry.allPresent();
    }

    public synchronized String deployFolder() {
        return settings.deployDir().toAbsolutePath().normalize().toString();
    }

    /**
     * Returns the setup service, which plans, applies, destroys and renders deployments with the
     * providers that {@link ProviderRegistry#activeFor} picks.
     */
    public io.berth.api.SetupService setup() {
        return providers().service(ServiceType.SETUP, io.berth.api.SetupService.class);
    }
}
