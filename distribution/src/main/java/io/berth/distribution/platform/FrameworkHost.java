package io.berth.distribution.platform;

import io.berth.api.BerthException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.jboss.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The embedded Apache Felix framework: starts it with the distribution's bundles, installs
 * and removes deploy-folder bundles, and logs every bundle state change.
 */
public final class FrameworkHost {

    private static final Logger LOG = Logger.getLogger(FrameworkHost.class);

    /**
     * Packages the host exports into the framework, with the versions the bundles import.
     * The host's slf4j is 2.x, whose logger API is the 1.7 API the SDK and bundles were built against.
     */
    static final String HOST_PACKAGES = String.join(",",
            "io.berth.api;version=1.2.0",
            "io.berth.api.config;version=1.2.0",
            "org.slf4j;version=1.7.36",
            "org.slf4j.spi;version=1.7.36",
            "org.slf4j.event;version=1.7.36",
            "org.slf4j.helpers;version=1.7.36");

    private final Path bundlesDir;
    private final Path storageDir;
    private final boolean ownsStorage;
    private final Map<String, BundleOrigin> origins = new ConcurrentHashMap<>();
    private final Map<Long, String> problems = new ConcurrentHashMap<>();
    private Felix framework;

    public FrameworkHost(Path bundlesDir, Optional<Path> storageDir) {
        this.bundlesDir = bundlesDir.toAbsolutePath().normalize();
        this.ownsStorage = storageDir.isEmpty();
        try {
            this.storageDir = storageDir.isPresent()
                    ? storageDir.get().toAbsolutePath()
                    : Files.createTempDirectory("berth-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the framework storage folder", e);
        }
    }

    /** Starts the framework and every bundle of the distribution. */
    public synchronized void start() {
        if (framework != null) {
            return;
        }
        List<Path> jars = distributionJars();
        long started = System.nanoTime();

        framework = new Felix(frameworkProperties());
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            context.addBundleListener(this::logBundleEvent);
            context.addFrameworkListener(this::logFrameworkEvent);
            framework.start();

            List<Bundle> installed = new ArrayList<>();
            for (Path jar : jars) {
                installed.add(install(jar, BundleOrigin.DISTRIBUTION));
            }
            installed.forEach(this::startBundle);
        } catch (BundleException e) {
            stop();
            throw new BerthException("the OSGi framework failed to start: " + e.getMessage(),
                    "check that " + bundlesDir + " holds the distribution's bundles; rebuild with ./mvnw package", e);
        }
        LOG.infof("framework started with %d bundles from %s in %d ms", jars.size(), bundlesDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Stops the framework, waiting for every bundle to stop, and removes its storage. */
    public synchronized void stop() {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException e) {
            LOG.warnf("the framework did not stop cleanly: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            framework = null;
            if (ownsStorage) {
                deleteRecursively(storageDir);
            }
        }
        LOG.info("framework stopped");
    }

    public synchronized boolean isRunning() {
        return framework != null && framework.getState() == Bundle.ACTIVE;
    }

    public BundleContext context() {
        Felix current = framework;
        if (current == null) {
            throw new IllegalStateException("the OSGi framework is not running");
        }
        return current.getBundleContext();
    }

    /** Installs a bundle from a file, or updates it when one with the same location is installed. */
    public Bundle install(Path jar, BundleOrigin origin) throws BundleException {
        String location = location(jar);
        origins.put(location, origin);
        Bundle existing = context().getBundle(location);
        // Streamed, not read whole: the AWS bundle alone is about 27 MB.
        try (InputStream in = Files.newInputStream(jar)) {
            if (existing != null) {
                existing.update(in);
                problems.remove(existing.getBundleId());
                return existing;
            }
            return context().installBundle(location, in);
        } catch (IOException e) {
            throw new BundleException("could not read " + jar + ": " + e.getMessage(), e);
        }
    }

    /**
     * Installs a bundle from bytes already read and checked, or updates the bundle installed from
     * the same location. The bytes, not the file, are installed, so a file changed after the check
     * cannot slip in.
     */
    public Bundle install(String location, byte[] content, BundleOrigin origin) throws BundleException {
        origins.put(location, origin);
        Bundle existing = context().getBundle(location);
        if (existing != null) {
            existing.update(new ByteArrayInputStream(content));
            problems.remove(existing.getBundleId());
            return existing;
        }
        try {
            return context().installBundle(location, new ByteArrayInputStream(content));
        } catch (BundleException e) {
            origins.remove(location);
            throw e;
        }
    }

    /** Uninstalls the bundle installed from the given file, if any. */
    public void uninstall(Path jar) throws BundleException {
        uninstall(location(jar));
    }

    /** Uninstalls the bundle installed from the given location, if any. */
    public void uninstall(String location) throws BundleException {
        Bundle bundle = context().getBundle(location);
        if (bundle != null) {
            bundle.uninstall();
            problems.remove(bundle.getBundleId());
            origins.remove(location);
        }
    }

    /** The installed bundles with this symbolic name, of any version. */
    public List<Bundle> bySymbolicName(String symbolicName) {
        return Stream.of(context().getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .toList();
    }

    public BundleOrigin origin(Bundle bundle) {
        return bundle.getBundleId() == 0
                ? BundleOrigin.SYSTEM
                : origins.getOrDefault(bundle.getLocation(), BundleOrigin.DEPLOY_FOLDER);
    }

    public BundleInfo describe(Bundle bundle) {
        return new BundleInfo(
                bundle.getBundleId(),
                bundle.getSymbolicName(),
                bundle.getVersion().toString(),
                stateName(bundle.getState()),
                origin(bundle).id(),
                bundle.getLocation(),
                problems.get(bundle.getBundleId()));
    }

    /** Returns the location of a bundle installed from this file: the file's absolute URI. */
    public static String location(Path jar) {
        return jar.toAbsolutePath().normalize().toUri().toString();
    }

    /** Rewires bundles after updates and removals, so that importers move to the new classes. */
    public void refresh() {
        CountDownLatch done = new CountDownLatch(1);
        context().getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkWiring.class)
                .refreshBundles(null, event -> done.countDown());
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warn("refreshing bundles took over 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a bundle, recording why when it cannot: a bundle that does not resolve must never
     * stop the host, so the failure is logged and shown by the admin API instead.
     */
    public boolean startBundle(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return true;
        }
        try {
            bundle.start();
            problems.remove(bundle.getBundleId());
            return true;
        } catch (BundleException | IllegalStateException e) {
            problems.put(bundle.getBundleId(), e.getMessage());
            LOG.warnf("bundle %s %s did not start: %s", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
            return false;
        }
    }

    public List<BundleInfo> bundles() {
        return Stream.of(context().getBundles())
                .map(this::describe)
                .sorted(Comparator.comparingLong(BundleInfo::id))
                .toList();
    }

    /** Returns whether every bundle that came with the distribution is active. */
    public boolean distributionActive() {
        return isRunning() && bundles().stream()
                .filter(info -> BundleOrigin.DISTRIBUTION.id().equals(info.origin()))
                .allMatch(info -> "ACTIVE".equals(info.state()));
    }

    private List<Path> distributionJars() {
        if (!Files.isDirectory(bundlesDir)) {
            throw new BerthException("the bundle folder " + bundlesDir + " does not exist",
                    "build the distribution with ./mvnw package, or set berth.platform.bundles-dir");
        }
        try (Stream<Path> files = Files.list(bundlesDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + bundlesDir, e);
        }
    }

    private Map<String, Object> frameworkProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storageDir.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HOST_PACKAGES);
        properties.put("felix.log.logger", new FelixLogger());
        // SCR logs to standard output unless an OSGi log service exists; keep it to errors so
        // that CLI output stays parseable.
        properties.put("ds.loglevel", "error");
        return properties;
    }

    private void logBundleEvent(BundleEvent event) {
        Bundle bundle = event.getBundle();
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.RESOLVED -> "resolved";
            case BundleEvent.STARTING -> "starting";
            case BundleEvent.STARTED -> "started";
            case BundleEvent.STOPPING -> "stopping";
            case BundleEvent.STOPPED -> "stopped";
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.UNRESOLVED -> "unresolved";
            case BundleEvent.UNINSTALLED -> "uninstalled";
            case BundleEvent.LAZY_ACTIVATION -> "waiting for lazy activation";
            default -> "changed (event " + event.getType() + ")";
        };
        LOG.infof("bundle %s %s %s", bundle.getSymbolicName(), bundle.getVersion(), what);
    }

    private void logFrameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Bundle bundle = event.getBundle();
            LOG.errorf(event.getThrowable(), "framework error in bundle %s %s",
                    bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN";
        };
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("could not remove %s: %s", root, e.getMessage());
        }
    }
}
