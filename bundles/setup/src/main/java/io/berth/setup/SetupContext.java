package io.berth.setup;

import io.berth.api.BerthException;
import io.berth.api.DeploymentContext;
import io.berth.api.GeneratedRole;
import io.berth.api.config.DeploymentConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The outputs one apply or destroy passes between its concurrent steps. */
final class SetupContext implements DeploymentContext {

    /** How long a step waits for another's output; far above any single AWS call. */
    static final Duration OUTPUT_TIMEOUT = Duration.ofMinutes(10);

    private final DeploymentConfig config;
    private final List<GeneratedRole> roles;
    private final Consumer<String> progress;
    private final Map<String, CompletableFuture<String>> outputs = new ConcurrentHashMap<>();

    SetupContext(DeploymentConfig config, List<GeneratedRole> roles, Consumer<String> progress) {
        this.config = config;
        this.roles = List.copyOf(roles);
        this.progress = progress;
    }

    @Override
    public DeploymentConfig config() {
        return config;
    }

    @Override
    public List<GeneratedRole> roles() {
        return roles;
    }

    @Override
    public Optional<String> output(String key) {
        CompletableFuture<String> future = outputs.get(key);
        return future == null || !future.isDone() || future.isCompletedExceptionally()
                ? Optional.empty()
                : Optional.of(future.join());
    }

    @Override
    public void putOutput(String key, String value) {
        future(key).complete(value);
    }

    @Override
    public String awaitOutput(String key) {
        try {
            return future(key).get(OUTPUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new BerthException("stopped waiting for " + key + " because the step that makes it failed", "", e.getCause());
        } catch (TimeoutException e) {
            throw new BerthException("no step produced " + key + " within " + OUTPUT_TIMEOUT.toMinutes() + " minutes",
                    "check that the network provider puts " + key + " into the context", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("interrupted while waiting for " + key, "run apply again: it resumes", e);
        }
    }

    /** Releases every step still waiting, after another step failed. */
    void abort(Throwable cause) {
        outputs.values().forEach(future -> future.completeExceptionally(cause));
    }

    @Override
    public void progress(String message) {
        progress.accept(message);
    }

    private CompletableFuture<String> future(String key) {
        return outputs.computeIfAbsent(key, ignored -> new CompletableFuture<>());
    }
}
