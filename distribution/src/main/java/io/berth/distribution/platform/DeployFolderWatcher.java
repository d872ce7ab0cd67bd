package io.berth.distribution.platform;

import io.berth.distribution.trust.BundleJar;
import io.berth.distribution.trust.InvalidBundleException;
import io.berth.distribution.trust.TrustDecision;
import io.berth.distribution.trust.TrustPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Scans the deploy folder: a jar that appears is installed and started, one that changes is
 * updated, one that disappears is uninstalled. A jar is acted on only once its size and
 * modification time are the same in two scans in a row, so a half-copied file is never installed.
 * Only jars the {@link TrustPolicy} trusts are installed; the others are logged and listed as
 * rejected, and a rejected change to an installed jar leaves the installed version running.
 */
public final class DeployFolderWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeployFolderWatcher.class);

    private record Stamp(long size, long modified) {
    }

    private final FrameworkHost host;
    private final Path folder;
    private final Map<Path, Stamp> installed = new HashMap<>();
    private final Map<Path, Stamp> seenLastScan = new HashMap<>();
    private final Map<Path, Stamp> rejectedStamps = new HashMap<>();
    private final Map<Path, RejectedBundle> rejected = new ConcurrentHashMap<>();
    private final TrustPolicy trust;
    private ScheduledExecutorService scanner;

    public DeployFolderWatcher(FrameworkHost host, Path folder, TrustPolicy trust) {
        this.host = host;
        this.folder = folder.toAbsolutePath().normalize();
        this.trust = trust;
    }

    public Path folder() {
        return folder;
    }

    /** Returns the jars of the folder that were not installed, with the reason. */
    public List<RejectedBundle> rejected() {
        return rejected.values().stream().sorted(Comparator.comparing(RejectedBundle::file)).toList();
    }

    public synchronized void start(Duration interval) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.warnf("could not create the deploy folder %s: %s", folder, e.getMessage());
        }
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "berth-deploy-folder");
            thread.setDaemon(true);
            return thread;
        });
        scanner.scheduleWithFixedDelay(this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("watching %s for bundles every %d ms", folder, interval.toMillis());
    }

    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.shutdownNow();
            scanner = null;
        }
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.errorf(e, "scanning the deploy folder %s failed", folder);
        }
    }

    /** One pass over the folder; returns whether anything was installed, updated or removed. */
    synchronized boolean scan() {
        Map<Path, Stamp> current = currentJars();
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, Stamp> entry : current.entrySet()) {
            boolean settled = entry.getValue().equals(seenLastScan.get(entry.getKey()));
            if (settled && !entry.getValue().equals(installed.get(entry.getKey()))
                    && !entry.getValue().equals(rejectedStamps.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        Set<Path> removed = new HashSet<>(installed.keySet());
        removed.removeAll(current.keySet());
        rejectedStamps.keySet().retainAll(current.keySet());
        rejected.keySet().retainAll(current.keySet());
        seenLastScan.clear();
        seenLastScan.putAll(current);
        if (changed.isEmpty() && removed.isEmpty()) {
            return false;
        }

        for (Path jar : removed) {
            uninstall(jar);
        }
        List<Bundle> toStart = new ArrayList<>();
        for (Path jar : changed) {
            Bundle bundle = install(jar, current.get(jar));
            if (bundle != null) {
                toStart.add(bundle);
            }
        }
        host.refresh();
        toStart.forEach(host::startBundle);
        return true;
    }

    private Bundle install(Path jar, Stamp stamp) {
        byte[] content;
        try {
            content = BundleJar.readFile(jar);
        } catch (IOException e) {
            LOG.warnf("could not read %s from the deploy folder: %s", jar, e.getMessage());
            return null;
        }
        BundleJar bundleJar;
        try {
            bundleJar = BundleJar.read(content);
        } catch (InvalidBundleException e) {
            reject(jar, stamp, null, BundleJar.sha256(content), e.getMessage());
            return null;
        }
        TrustDecision decision = trust.decide(bundleJar);
        if (!decision.trusted()) {
            reject(jar, stamp, bundleJar.symbolicName(), bundleJar.sha256(), "not trusted: " + decision.reason());
            return null;
        }

        installed.put(jar, stamp);
        rejectedStamps.remove(jar);
        rejected.remove(jar);
        try {
            Bundle bundle = host.install(FrameworkHost.location(jar), bundleJar.content(), BundleOrigin.DEPLOY_FOLDER);
            LOG.infof("installed %s from the deploy folder as %s %s, trusted because %s", jar.getFileName(),
                    bundle.getSymbolicName(), bundle.getVersion(), decision.reason());
            return bundle;
        } catch (BundleException e) {
            LOG.warnf("could not install %s from the deploy folder: %s", jar, e.getMessage());
            return null;
        }
    }

    private void reject(Path jar, Stamp stamp, String symbolicName, String sha256, String reason) {
        rejectedStamps.put(jar, stamp);
        rejected.put(jar, new RejectedBundle(jar.toString(), BundleOrigin.DEPLOY_FOLDER.id(), symbolicName, sha256,
                reason, Instant.now()));
        String stillRunning = installed.containsKey(jar) ? "; the version installed before keeps running" : "";
        LOG.warnf("did not install %s from the deploy folder: %s%s", jar.getFileName(), reason, stillRunning);
    }

    private void uninstall(Path jar) {
        installed.remove(jar);
        try {
            host.uninstall(jar);
            LOG.infof("uninstalled %s, removed from the deploy folder", jar.getFileName());
        } catch (BundleException e) {
            LOG.warnf("could not uninstall %s: %s", jar, e.getMessage());
        }
    }

    private Map<Path, Stamp> currentJars() {
        Map<Path, Stamp> jars = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".jar")).toList()) {
                jars.put(file, new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
            }
        } catch (IOException e) {
            LOG.warnf("could not read the deploy folder %s: %s", folder, e.getMessage());
        }
        return jars;
    }
}
