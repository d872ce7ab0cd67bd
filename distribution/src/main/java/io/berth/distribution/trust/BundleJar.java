package io.berth.distribution.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A bundle jar read into memory and checked once: its SHA-256, its symbolic name and version,
 * and the certificates that signed every entry. The same bytes are later installed, so what was
 * checked is what runs.
 *
 * @param content      the jar file's bytes
 * @param sha256       the hex SHA-256 of {@code content}
 * @param symbolicName the {@code Bundle-SymbolicName}, without directives
 * @param version      the {@code Bundle-Version}, {@code 0.0.0} when absent
 * @param signers      the signing certificates that signed every entry of the jar; empty when the
 *                     jar is unsigned or any entry is unsigned
 * @param unsignedEntry an entry without a valid signature, or null when every entry is signed
 * @param unsigned     whether no entry at all is signed
 * @param tampered     why an entry does not match its signed digest, or null when every signed entry matches
 */
public record BundleJar(byte[] content, String sha256, String symbolicName, String version,
        List<X509Certificate> signers, String unsignedEntry, boolean unsigned, String tampered) {

    /**
     * Reads and verifies a jar. Signatures are checked by {@link JarInputStream}; an entry whose
     * content does not match its signed digest counts as unsigned and is named in {@code tampered}.
     *
     * @throws InvalidBundleException when the bytes are not a jar with a bundle manifest
     */
    public static BundleJar read(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw new InvalidBundleException("the body is not a jar file (it does not start with a zip header)",
                    "send the bundle's .jar file as the request body");
        }
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content), true)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new InvalidBundleException("the jar has no META-INF/MANIFEST.MF as its first entry",
                        "build the bundle with bnd or another OSGi bundle tool");
            }
            String symbolicName = header(manifest, "Bundle-SymbolicName");
            if (symbolicName == null) {
                throw new InvalidBundleException("the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName",
                        "build the bundle with bnd or another OSGi bundle tool");
            }
            String version = header(manifest, "Bundle-Version");
            return signatures(jar, content, symbolicName, version == null ? "0.0.0" : version);
        } catch (IOException e) {
            throw new InvalidBundleException("the body is not a readable jar file: " + e.getMessage(),
                    "send the bundle's .jar file as the request body", e);
        }
    }

    private static BundleJar signatures(JarInputStream jar, byte[] content, String symbolicName, String version)
            throws IOException {
        Set<X509Certificate> common = null;
        String unsignedEntry = null;
        boolean anySigned = false;
        String tampered = null;
        for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
            boolean matches = readToEnd(jar);
            if (!matches && tampered == null) {
                tampered = "entry " + entry.getName() + " does not match its signed digest";
            }
            if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                continue;
            }
            Set<X509Certificate> signers = matches ? signingCertificates(entry.getCodeSigners()) : new LinkedHashSet<>();
            if (signers.isEmpty() && unsignedEntry == null) {
                unsignedEntry = entry.getName();
            }
            anySigned |= !signers.isEmpty();
            if (common == null) {
                common = signers;
            } else {
                common.retainAll(signers);
            }
        }
        if (common == null) {
            // A jar with nothing but its manifest has nothing a signature could be checked on.
            unsignedEntry = "META-INF/MANIFEST.MF";
        }
        List<X509Certificate> signers = unsignedEntry != null ? List.of() : List.copyOf(common);
        return new BundleJar(content, sha256(content), symbolicName, version, signers, unsignedEntry, !anySigned,
                tampered);
    }

    /**
     * Reads the current entry to its end, because only then is its digest checked and are its
     * code signers known. Returns false when the digest does not match.
     */
    private static boolean readToEnd(JarInputStream jar) throws IOException {
        byte[] buffer = new byte[8192];
        try {
            while (jar.read(buffer) >= 0) {
                // Only the digest check at the end matters.
            }
            return true;
        } catch (SecurityException e) {
            return false;
        }
    }

    /** Returns the end-entity certificate of each signer, whose key made the signature. */
    private static Set<X509Certificate> signingCertificates(CodeSigner[] codeSigners) {
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        if (codeSigners == null) {
            return certificates;
        }
        for (CodeSigner signer : codeSigners) {
            List<? extends Certificate> path = signer.getSignerCertPath().getCertificates();
            if (!path.isEmpty() && path.get(0) instanceof X509Certificate certificate) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    /** Signature block files are not signed themselves; the jar specification names them. */
    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-");
    }

    private static String header(Manifest manifest, String name) {
        String value = manifest.getMainAttributes().getValue(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        int directives = value.indexOf(';');
        return (directives < 0 ? value : value.substring(0, directives)).trim();
    }

    /** Returns the hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Reads a jar file in small chunks. {@code Files.readAllBytes} requests the whole file in one
     * read, for which NIO allocates a direct buffer of the file's size and keeps it cached on the
     * calling thread.
     */
    public static byte[] readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundleJar jar && jar.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return symbolicName + " " + version + " (sha256 " + sha256 + ")";
    }
}
