package io.berth.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged {@code berth} executable, run as a separate process the way a user runs it.
 * Servers bind to a free port on 127.0.0.1 and are stopped by {@link #close()}. Each server gets
 * a {@code berth.yaml} in its working folder, written from a {@link ServerConfig}, and keeps its
 * data folder ({@code .berth}) there, so a server started again in the same folder finds it.
 */
final class BerthProcess implements AutoCloseable {

    /** Tokens of the three roles, new for each test run; ServerConfig lists their digests. */
    static final String VIEWER_TOKEN = "viewer-" + UUID.randomUUID();
    static final String OPERATOR_TOKEN = "operator-" + UUID.randomUUID();
    static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    static final Path ROOT = Path.of(System.getProperty("berth.root", "../..")).toAbsolutePath().normalize();
    static final Path APP = ROOT.resolve("distribution/target/quarkus-app/quarkus-run.jar");
    static final Path BUNDLES = ROOT.resolve("distribution/target/bundles");
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BerthProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code berth serve} on a free loopback port and waits until it is ready. Its config has
     * the three test tokens and trusts the jars of integration-tests/bundles by their sha256.
     */
    static BerthProcess serve(Path workDir, Path deployDir) throws IOException, InterruptedException {
        return serve(workDir, deployDir, ServerConfig.standard());
    }

    /** Starts {@code berth serve} with the given config, appending to the working folder's serve.log. */
    /**
     * Starts {@code berth serve} with extra environment variables, such as AWS_ENDPOINT_URL, and
     * extra arguments, such as {@code --config FILE}; the config must carry the test tokens.
     */
    static BerthProcess serve(Path workDir, Path deployDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve("serve.log");
        List<String> command = javaCommand(
                "-Dberth.platform.deploy-dir=" + deployDir,
                "-Dberth.platform.deploy-scan-interval=200ms",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1");
        command.add("serve");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        isolateFromMachineAws(builder.environment(), workDir);
        builder.environment().putAll(environment);
        BerthProcess berth = new BerthProcess(builder.start(), log, port);
        berth.awaitReady(Duration.ofSeconds(60));
        return berth;
    }

    static BerthProcess serve(Path workDir, Path deployDir, ServerConfig config) throws IOException, InterruptedException {
        int port = freePort();
        Path log = workDir.resolve("serve.log");
        List<String> command = javaCommand(
                "-Dberth.platform.deploy-dir=" + deployDir,
                "-Dberth.platform.deploy-scan-interval=200ms",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1");
        command.add("serve");
        if (config.writesConfig()) {
            command.add("--config");
            command.add(config.write(workDir).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        isolateFromMachineAws(builder.environment(), workDir);
        builder.environment().putAll(config.environment());
        Process process = builder.start();
        BerthProcess berth = new BerthProcess(process, log, port);
        berth.awaitReady(Duration.ofSeconds(60));
        return berth;
    }

    /** Runs one CLI command to completion and returns its exit code and output. */
    static CommandResult run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }

    /**
     * Runs one CLI command with extra environment variables, such as AWS_ENDPOINT_URL. The
     * process inherits none of the AWS settings of the machine running the tests (AWS_*
     * variables, ~/.aws), and never asks the EC2 instance metadata service for credentials or a region.
     */
    static CommandResult run(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(workDir, environment, List.of(), args);
    }

    /** Runs one CLI command with extra system properties, such as {@code -Dberth.rules.bundle=FILE}. */
    static CommandResult run(Path workDir, List<String> properties, String... args)
            throws IOException, InterruptedException {
        return run(workDir, Map.of(), properties, args);
    }

    /** Runs one CLI command with extra environment variables and system properties. */
    static CommandResult run(Path workDir, Map<String, String> environment, List<String> properties, String... args)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(properties.toArray(String[]::new));
        command.add(command.size() - 2, "-Dberth.platform.deploy-dir=" + workDir.resolve("deploy"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        isolateFromMachineAws(builder.environment(), workDir);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("berth " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new CommandResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    record CommandResult(int exitCode, String stdout, String stderr) {
    }

    private static void isolateFromMachineAws(Map<String, String> environment, Path workDir) {
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
    }

    private static List<String> javaCommand(String... properties) {
        if (!Files.isRegularFile(APP)) {
            throw new AssertionError(APP + " is missing: build the distribution first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dberth.platform.bundles-dir=" + BUNDLES);
        command.add("-Dberth.rules.bundle=" + ROOT.resolve("policies/bundle.tar.gz"));
        command.addAll(List.of(properties));
        command.add("-jar");
        command.add(APP.toString());
        return command;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** GET with the viewer's token. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, VIEWER_TOKEN, HttpRequest.BodyPublishers.noBody(), null);
    }

    /** GET without any Authorization header. */
    HttpResponse<String> getWithoutToken(String path) throws IOException, InterruptedException {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody(), null);
    }

    /** Sends a request with the token, or none when it is null, and a body of the content type. */
    /** Sends a JSON body, or none when it is null, with the operator's token. */
    HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        return send(method, path, OPERATOR_TOKEN, body, jsonBody == null ? null : "application/json");
    }

    HttpResponse<String> send(String method, String path, String token, HttpRequest.BodyPublisher body,
            String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a jar to /api/v1/bundles with the token. */
    HttpResponse<String> upload(byte[] jar, String token) throws IOException, InterruptedException {
        return send("POST", "/api/v1/bundles", token, HttpRequest.BodyPublishers.ofByteArray(jar),
                "application/java-archive");
    }

    /** Returns the audit log, newest first, read with the admin's token. */
    JsonNode audit() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/audit?limit=1000", ADMIN_TOKEN,
                HttpRequest.BodyPublishers.noBody(), null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/audit answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls a JSON resource until the condition holds, failing with the last answer after the timeout. */
    JsonNode awaitJson(String path, Predicate<JsonNode> condition, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = getJson(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " did not reach the expected state in " + timeout + "; last: " + last
                + "\nserver log:\n" + logTail());
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("berth serve exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Keep polling until the deadline.
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("berth serve was not ready within " + timeout + ":\n" + logTail());
    }

    /** Returns the whole server log, of every server started in the same working folder so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static byte[] bundleBytes(String module) throws IOException {
        return Files.readAllBytes(bundleJar(module));
    }

    static Path bundleJar(String module) throws IOException {
        Path target = ROOT.resolve("integration-tests/bundles/" + module + "/target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle jar in " + target + ": build it first"));
        }
    }
}
