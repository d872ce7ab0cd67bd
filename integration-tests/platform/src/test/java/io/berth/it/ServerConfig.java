package io.berth.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The berth.yaml a test server starts with: the test tokens, trusted bundles and audit database. */
final class ServerConfig {

    private boolean writesConfig = true;
    private boolean tokens = true;
    private final List<String> trustedSha256 = new ArrayList<>();
    private final List<Path> certificates = new ArrayList<>();
    private final List<String> extraAdminLines = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();

    /** Returns a config with the three test tokens that trusts the jars of integration-tests/bundles by their sha256. */
    static ServerConfig standard() throws IOException {
        return new ServerConfig()
                .trustSha256(sha256(BerthProcess.bundleBytes("example.network")))
                .trustSha256(sha256(BerthProcess.bundleBytes("unresolvable")));
    }

    /** Returns a config with the three test tokens and no trusted bundle. */
    static ServerConfig tokensOnly() {
        return new ServerConfig();
    }

    /** No --config at all: the server's secure default. */
    static ServerConfig none() {
        ServerConfig config = new ServerConfig();
        config.writesConfig = false;
        return config;
    }

    ServerConfig trustSha256(String digest) {
        trustedSha256.add(digest);
        return this;
    }

    ServerConfig trustCertificate(Path pem) {
        certificates.add(pem);
        return this;
    }

    /** Adds a line to the admin section, such as {@code maxBundleBytes: 1000}. */
    ServerConfig admin(String line) {
        extraAdminLines.add(line);
        return this;
    }

    ServerConfig environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    boolean writesConfig() {
        return writesConfig;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path write(Path workDir) throws IOException {
        // The quickstart example, which has no admin section, plus the test's admin section.
        StringBuilder yaml = new StringBuilder(Files.readString(BerthProcess.ROOT.resolve("examples/quickstart.yaml")))
                .append("admin:\n");
        if (tokens) {
            yaml.append("  tokens:\n");
            yaml.append(token("vera", "viewer", BerthProcess.VIEWER_TOKEN));
            yaml.append(token("otto", "operator", BerthProcess.OPERATOR_TOKEN));
            yaml.append(token("ada", "admin", BerthProcess.ADMIN_TOKEN));
        }
        yaml.append("  trust:\n    sha256: [").append(String.join(", ", trustedSha256)).append("]\n");
        yaml.append("    certificates: [");
        yaml.append(String.join(", ", certificates.stream().map(path -> "\"" + path + "\"").toList()));
        yaml.append("]\n");
        extraAdminLines.forEach(line -> yaml.append("  ").append(line).append('\n'));
        return Files.writeString(workDir.resolve("berth.yaml"), yaml.toString());
    }

    private static String token(String name, String role, String token) {
        return "    - { name: " + name + ", role: " + role + ", sha256: "
                + sha256(token.getBytes(StandardCharsets.UTF_8)) + " }\n";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
