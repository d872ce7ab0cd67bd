package io.berth.distribution.operations;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Lets a shutdown wait for long operations, such as an apply, to finish the step they are in.
 *
 * <p>An operation registers with {@link #begin} and runs each step through
 * {@link Operation#step}. Once the server is asked to stop, no new operation begins and no new
 * step starts; the shutdown waits, up to {@code berth.shutdown.step-timeout}, until no step is
 * running, and only then stops the OSGi framework the steps use. An operation stopped this way
 * is left between two steps, so an idempotent operation resumes by running it again.
 *
 * <p>The stop is requested from a JVM shutdown hook as well as from Quarkus's shutdown event,
 * because Quarkus waits for running HTTP requests before it fires that event: an operation that
 * runs inside a request must learn of the stop first, or that wait would last until it ends.
 */
@ApplicationScoped
public class OperationTracker {

    private static final Logger LOG = Logger.getLogger(OperationTracker.class);

    @ConfigProperty(name = "berth.shutdown.step-timeout", defaultValue = "60s")
    Duration stepTimeout;

    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    private final Set<Operation> running = new LinkedHashSet<>();
    private boolean stopRequested;

    void onStart(@Observes StartupEvent event) {
        if (serving) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::requestStop, "berth-operations-stop"));
        }
    }

    /** Waits for running steps before the platform stops, which observes the event at a later priority. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        requestStop();
        awaitSteps(stepTimeout);
    }

    /**
     * Registers a long operation.
     *
     * @param kind   what it does, such as {@code apply}
     * @param target what it acts on, such as the deployment name
     * @throws ShuttingDownException when the server is stopping
     */
    public synchronized Operation begin(String kind, String target) {
        if (stopRequested) {
            throw new ShuttingDownException(kind + " of " + target);
        }
        Operation operation = new Operation(this, kind, target, Instant.now());
        running.add(operation);
        return operation;
    }

    /** Returns whether the server is stopping. An operation checks this between steps. */
    public synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** Returns the operations that have begun and not ended, oldest first. */
    public synchronized List<Operation> running() {
        return new ArrayList<>(running);
    }

    /** Stops new operations and new steps from starting. */
    public synchronized void requestStop() {
        if (!stopRequested) {
            stopRequested = true;
            if (!running.isEmpty()) {
                LOG.infof("stop requested: %d running operation(s) finish their current step and stop", running.size());
            }
            notifyAll();
        }
    }

    /**
     * Waits until no operation is inside a step, or the timeout passes.
     *
     * @return whether every step ended in time
     */
    public synchronized boolean awaitSteps(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (running.stream().anyMatch(operation -> operation.currentStep() != null)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    running.stream().filter(operation -> operation.currentStep() != null).forEach(operation ->
                            LOG.warnf("%s is still in step '%s' after %d s; it stops with the server, and running it "
                                    + "again resumes it", operation, operation.currentStep(), timeout.toSeconds()));
                    return false;
                }
                wait(Math.max(1, remaining / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Marks the start of a step; false when the stop was requested, so the step must not start. */
    synchronized boolean enterStep(Operation operation, String step) {
        if (stopRequested) {
            LOG.infof("%s stopped before step '%s'; running it again resumes it there", operation, step);
            return false;
        }
        operation.currentStep(step);
        return true;
    }

    synchronized void leaveStep(Operation operation) {
        operation.currentStep(null);
        notifyAll();
    }

    synchronized void end(Operation operation) {
        running.remove(operation);
        notifyAll();
    }
}
