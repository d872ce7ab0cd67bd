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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged {@code berth} executable, run as a separate process the way a user runs it.
 * Servers bind to a free port on 127.0.0.1 and are stopped by {@link #close()}.
 */
final class BerthProcess implements AutoCloseable {

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

    /** Starts {@code berth serve} on a free loopback port and waits until it is ready. */
    static BerthProcess serve(Path workDir, Path deployDir) throws IOException, InterruptedException {
        return serve(workDir, deployDir, Map.of());
    }

    /**
     * Starts {@code berth serve} with extra environment variables, such as AWS_ENDPOINT_URL, and
     * extra arguments, such as {@code --config FILE}. Its log goes to serve.log in the work folder,
     * after the log of any earlier server there.
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
        // One-shot commands start faster with the client compiler alone, as the ./berth launcher runs them.
        List<String> command = javaCommand("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dberth.platform.deploy-dir=" + workDir.resolve("deploy"));
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
        command.add("-Dberth.rules.embedded-bundle=" + ROOT.resolve("policies/bundle.tar.gz"));
        command.addAll(List.of(properties));
        command.add("-jar");
        command.add(APP.toString());
        return command;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).method(method, body);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    static Path bundleJar(String module) throws IOException {
        Path target = ROOT.resolve("integration-tests/bundles/" + module + "/target");
        try (var files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no bundle jar in " + target + ": build it first"));
        }
    }
}
