package io.berth.distribution.operations;

import java.time.Instant;

/**
 * One long operation registered with the {@link OperationTracker}. Close it when it ends, stopped
 * or not, with try-with-resources.
 */
public final class Operation implements AutoCloseable {

    private final OperationTracker tracker;
    private final String kind;
    private final String target;
    private final Instant started;
    private volatile String currentStep;

    Operation(OperationTracker tracker, String kind, String target, Instant started) {
        this.tracker = tracker;
        this.kind = kind;
        this.target = target;
        this.started = started;
    }

    /**
     * Runs one step, unless the server is stopping; a step that has started always runs to its end.
     *
     * @param name a name for logs, such as {@code create subnet in eu-west-1b}
     * @return whether the step ran; false means stop now and leave the rest for the next run
     */
    public boolean step(String name, Runnable step) {
        if (!tracker.enterStep(this, name)) {
            return false;
        }
        try {
            step.run();
            return true;
        } finally {
            tracker.leaveStep(this);
        }
    }

    /** Returns whether the server is stopping, for an operation that checks between its own steps. */
    public boolean stopRequested() {
        return tracker.stopRequested();
    }

    public String kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    public Instant started() {
        return started;
    }

    /** Returns the step running now, or null between steps. */
    public String currentStep() {
        return currentStep;
    }

    void currentStep(String step) {
        this.currentStep = step;
    }

    @Override
    public void close() {
        tracker.end(this);
    }

    @Override
    public String toString() {
        return kind + " of " + target;
    }
}
