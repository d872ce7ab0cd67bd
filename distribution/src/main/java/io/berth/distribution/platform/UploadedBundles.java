package io.berth.distribution.platform;

import io.berth.distribution.trust.BundleJar;
import io.berth.distribution.trust.InvalidBundleException;
import io.berth.distribution.trust.TrustDecision;
import io.berth.distribution.trust.TrustPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Bundles installed over the admin API. Each is kept as {@code SYMBOLIC-NAME.jar} in a folder of
 * the data folder and installed again, after the same trust check, when the host starts.
 * Distribution and deploy-folder bundles are never replaced or removed here: they change with
 * the distribution or with the deploy folder's files.
 */
final class UploadedBundles {

    private static final Logger LOG = Logger.getLogger(UploadedBundles.class);

    /** Bundle symbolic names become file names, so only the characters of OSGi's token grammar pass. */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final FrameworkHost host;
    private final Path folder;
    private final TrustPolicy trust;
    private final List<RejectedBundle> rejectedAtStart = new ArrayList<>();

    UploadedBundles(FrameworkHost host, Path folder, TrustPolicy trust) {
        this.host = host;
        this.folder = folder.toAbsolutePath().normalize();
        this.trust = trust;
    }

    /** Installs the bundles uploaded in earlier runs that the trust policy still trusts. */
    synchronized void installKept() {
        List<Bundle> toStart = new ArrayList<>();
        for (Path jar : keptJars()) {
            try {
                byte[] content = BundleJar.readFile(jar);
                BundleJar bundleJar = BundleJar.read(content);
                TrustDecision decision = trust.decide(bundleJar);
                if (!decision.trusted()) {
                    rejectAtStart(jar, bundleJar.symbolicName(), bundleJar.sha256(), "not trusted: " + decision.reason());
                    continue;
                }
                toStart.add(host.install(FrameworkHost.location(jar), content, BundleOrigin.UPLOADED));
            } catch (InvalidBundleException e) {
                rejectAtStart(jar, null, null, e.getMessage());
            } catch (IOException | BundleException e) {
                LOG.warnf("could not install the uploaded bundle %s: %s", jar, e.getMessage());
            }
        }
        if (!toStart.isEmpty()) {
            toStart.forEach(host::startBundle);
            LOG.infof("installed %d uploaded bundle(s) from %s", toStart.size(), folder);
        }
    }

    List<RejectedBundle> rejectedAtStart() {
        synchronized (this) {
            return List.copyOf(rejectedAtStart);
        }
    }

    /**
     * Installs a bundle, or updates the uploaded bundle with the same symbolic name.
     *
     * @throws UntrustedBundleException when the trust policy does not trust the jar
     * @throws BundleConflictException  when the symbolic name belongs to a bundle the API does not manage
     * @throws InvalidBundleException   when the framework cannot install the jar
     */
    synchronized UploadResult upload(BundleJar jar) {
        TrustDecision decision = trust.decide(jar);
        if (!decision.trusted()) {
            throw new UntrustedBundleException(jar.symbolicName() + " " + jar.version(), decision.reason());
        }
        checkFileName(jar.symbolicName());
        Optional<Bundle> existing = uploadedOrConflict(jar.symbolicName());

        Path target = folder.resolve(jar.symbolicName() + ".jar");
        Path staged = stage(jar);
        Bundle bundle;
        try {
            bundle = host.install(FrameworkHost.location(target), jar.content(), BundleOrigin.UPLOADED);
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (BundleException e) {
            deleteQuietly(staged);
            throw new InvalidBundleException("the framework did not install " + jar + ": " + e.getMessage(),
                    "fix the bundle's manifest; bnd reports most such errors when it builds the jar");
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new UncheckedIOException("could not keep the uploaded bundle in " + target, e);
        }
        host.refresh();
        host.startBundle(bundle);
        LOG.infof("%s uploaded bundle %s, trusted because %s", existing.isPresent() ? "updated" : "installed", jar,
                decision.reason());
        return new UploadResult(host.describe(bundle), existing.isEmpty(), decision.reason());
    }

    /**
     * Uninstalls an uploaded bundle and deletes its kept jar.
     *
     * @throws BundleNotFoundException when no bundle has this symbolic name
     * @throws BundleConflictException when the bundle was not uploaded over the API
     */
    synchronized BundleInfo remove(String symbolicName) {
        Bundle bundle = uploadedOrConflict(symbolicName).orElseThrow(() -> new BundleNotFoundException(symbolicName));
        BundleInfo removed = host.describe(bundle);
        try {
            host.uninstall(bundle.getLocation());
        } catch (BundleException e) {
            throw new BundleConflictException("the framework did not uninstall " + symbolicName + ": " + e.getMessage(),
                    "check the server log, then retry");
        }
        host.refresh();
        deleteQuietly(folder.resolve(symbolicName + ".jar"));
        LOG.infof("uninstalled uploaded bundle %s %s", removed.symbolicName(), removed.version());
        return removed;
    }

    /** Returns the uploaded bundle with this symbolic name, if any. A bundle of another origin with this name is a conflict. */
    private Optional<Bundle> uploadedOrConflict(String symbolicName) {
        for (Bundle bundle : host.bySymbolicName(symbolicName)) {
            BundleOrigin origin = host.origin(bundle);
            if (origin == BundleOrigin.UPLOADED) {
                return Optional.of(bundle);
            }
            if (origin == BundleOrigin.DEPLOY_FOLDER) {
                throw new BundleConflictException("bundle " + symbolicName + " was installed from the deploy folder ("
                        + bundle.getLocation() + ")", "replace or remove that file in the deploy folder instead");
            }
            throw new BundleConflictException("bundle " + symbolicName + " belongs to the distribution",
                    "give your bundle another symbolic name and a higher service.ranking: it then takes over "
                            + "from the distribution's provider without replacing it");
        }
        return Optional.empty();
    }

    private static void checkFileName(String symbolicName) {
        if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            throw new InvalidBundleException("the Bundle-SymbolicName '" + symbolicName
                    + "' has characters other than letters, digits, '_', '-' and '.'",
                    "use a symbolic name such as com.example.network");
        }
    }

    private Path stage(BundleJar jar) {
        try {
            Files.createDirectories(folder);
            Path staged = Files.createTempFile(folder, jar.symbolicName() + "-", ".uploading");
            Files.write(staged, jar.content());
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the uploaded bundle to " + folder, e);
        }
    }

    private List<Path> keptJars() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("could not list the uploaded bundles in %s: %s", folder, e.getMessage());
            return List.of();
        }
    }

    private void rejectAtStart(Path jar, String symbolicName, String sha256, String reason) {
        rejectedAtStart.add(new RejectedBundle(jar.toString(), BundleOrigin.UPLOADED.id(), symbolicName, sha256, reason,
                Instant.now()));
        LOG.warnf("did not install the uploaded bundle %s: %s", jar.getFileName(), reason);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }
}
