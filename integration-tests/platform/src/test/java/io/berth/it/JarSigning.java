package io.berth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A signing key made for one test run with the JDK's keytool, and jars signed with it by
 * jarsigner. The key pair lives in a keystore in the test's temporary folder; no key is committed.
 */
final class JarSigning {

    private static final String PASSWORD = "test-only-password";
    private static final String ALIAS = "signer";

    private final Path keystore;
    private final Path certificate;

    private JarSigning(Path keystore, Path certificate) {
        this.keystore = keystore;
        this.certificate = certificate;
    }

    /** Generates a self-signed EC key pair named by {@code commonName}, and exports its certificate as PEM. */
    static JarSigning create(Path dir, String commonName) throws IOException, InterruptedException {
        Path keystore = dir.resolve(commonName + ".p12");
        Path certificate = dir.resolve(commonName + ".pem");
        run(tool("keytool"), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        run(tool("keytool"), "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        return new JarSigning(keystore, certificate);
    }

    /** Returns the signing certificate as a PEM file, for admin.trust.certificates. */
    Path certificate() {
        return certificate;
    }

    /** Returns a signed copy of the jar. */
    byte[] sign(Path jar) throws IOException, InterruptedException {
        Path signed = Files.createTempFile(keystore.getParent(), "signed-", ".jar");
        run(tool("jarsigner"), "-keystore", keystore.toString(), "-storepass", PASSWORD, "-storetype", "PKCS12",
                "-signedjar", signed.toString(), jar.toString(), ALIAS);
        return Files.readAllBytes(signed);
    }

    /** Returns a copy of a jar with one byte appended to the named entry, leaving its signature as it was. */
    static byte[] tamper(byte[] jar, String entryName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content = java.util.Arrays.copyOf(content, content.length + 1);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        if (!found) {
            throw new AssertionError("no entry " + entryName + " to tamper with");
        }
        return out.toByteArray();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", new ArrayList<>(List.of(command)).subList(0, 2)) + " failed:\n" + output);
        }
    }
}
