package io.berth.distribution.trust;

import io.berth.api.InvalidConfigException;
import io.berth.api.config.AdminConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which bundle jars the host installs, over the admin API and from the deploy folder: a
 * jar is trusted when its SHA-256 is allow-listed, or when every entry is signed by one of the
 * configured certificates. With neither configured, no jar is trusted.
 *
 * <p>A signer's certificate must itself be configured: certificate chains are not validated, so
 * configuring a CA certificate does not trust the certificates it issued.
 */
public final class TrustPolicy {

    private final List<X509Certificate> certificates;
    private final Set<String> sha256;

    private TrustPolicy(List<X509Certificate> certificates, Set<String> sha256) {
        this.certificates = List.copyOf(certificates);
        this.sha256 = Set.copyOf(sha256);
    }

    /** Returns a policy that trusts nothing, for a server started without config. */
    public static TrustPolicy none() {
        return new TrustPolicy(List.of(), Set.of());
    }

    /**
     * Reads the configured certificates.
     *
     * @param trust        the {@code admin.trust} section
     * @param configFolder the folder of {@code berth.yaml}, against which certificate paths resolve
     * @throws InvalidConfigException when a certificate file is missing or contains no X.509 certificate
     */
    public static TrustPolicy from(AdminConfig.Trust trust, Path configFolder) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < trust.certificates().size(); i++) {
            certificates.addAll(readCertificates("admin.trust.certificates[" + i + "]",
                    configFolder.resolve(trust.certificates().get(i))));
        }
        Set<String> digests = trust.sha256().stream()
                .map(digest -> digest.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new TrustPolicy(certificates, digests);
    }

    /** Returns whether nothing is configured, in which case no jar is trusted. */
    public boolean isEmpty() {
        return certificates.isEmpty() && sha256.isEmpty();
    }

    /** Returns a one-line summary for logs, such as {@code 1 certificate(s) and 2 sha256 digest(s)}. */
    public String summary() {
        return certificates.size() + " certificate(s) and " + sha256.size() + " sha256 digest(s)";
    }

    public TrustDecision decide(BundleJar jar) {
        if (isEmpty()) {
            return TrustDecision.untrusted("no bundle is trusted because admin.trust lists no certificate and no sha256");
        }
        if (sha256.contains(jar.sha256())) {
            return TrustDecision.trusted("its sha256 " + jar.sha256() + " is allow-listed in admin.trust.sha256");
        }
        for (X509Certificate signer : jar.signers()) {
            if (certificates.contains(signer)) {
                return TrustDecision.trusted("it is signed by the configured certificate "
                        + signer.getSubjectX500Principal().getName());
            }
        }
        return TrustDecision.untrusted("it is not signed by a configured certificate (" + signatureState(jar)
                + ") and its sha256 " + jar.sha256() + " is not allow-listed");
    }

    private static String signatureState(BundleJar jar) {
        if (jar.tampered() != null) {
            return jar.tampered();
        }
        if (jar.unsigned()) {
            return "the jar is unsigned";
        }
        if (jar.unsignedEntry() != null) {
            return "entry " + jar.unsignedEntry() + " is unsigned";
        }
        return "the jar is signed by " + jar.signers().stream()
                .map(certificate -> certificate.getSubjectX500Principal().getName())
                .collect(Collectors.joining("; "));
    }

    private static Collection<X509Certificate> readCertificates(String field, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (read.isEmpty()) {
                throw new InvalidConfigException(field, file + " contains no certificate",
                        "export the signing certificate as PEM: keytool -exportcert -rfc -alias ALIAS -keystore KEYSTORE");
            }
            return read.stream().map(X509Certificate.class::cast).toList();
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(field, "file not found: " + file,
                    "give the path of a PEM certificate, relative to the config file");
        } catch (IOException e) {
            throw new InvalidConfigException(field, file + " could not be read: " + e.getMessage(), "check the file's permissions");
        } catch (CertificateException e) {
            throw new InvalidConfigException(field, file + " is not an X.509 certificate: " + e.getMessage(),
                    "export the signing certificate as PEM: keytool -exportcert -rfc -alias ALIAS -keystore KEYSTORE");
        }
    }
}
