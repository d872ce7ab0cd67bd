package io.berth.distribution.deployments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One plan, apply or destroy run by the admin server in the background. */
public final class Operation {

    /** Where an operation is in its life. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, REFUSED, FAILED }

    private final String id;
    private final String deployment;
    private final String kind;
    private final Instant createdAt = Instant.now();
    private final List<String> progress = new ArrayList<>();
    private Status status = Status.QUEUED;
    private Instant finishedAt;
    private String error;
    private String fix;
    private Object result;

    Operation(String id, String deployment, String kind) {
        this.id = id;
        this.deployment = deployment;
        this.kind = kind;
    }

    public synchronized View view() {
        return new View(id, deployment, kind, status.name().toLowerCase(java.util.Locale.ROOT), createdAt, finishedAt,
                List.copyOf(progress), error, fix, result);
    }

    synchronized void running() {
        status = Status.RUNNING;
    }

    synchronized void progress(String message) {
        progress.add(message);
    }

    synchronized void finish(Status outcome, Object result, String error, String fix) {
        this.status = outcome;
        this.result = result;
        this.error = error;
        this.fix = fix;
        this.finishedAt = Instant.now();
    }

    synchronized boolean isDone() {
        return status != Status.QUEUED && status != Status.RUNNING;
    }

    String id() {
        return id;
    }

    /**
     * What the API returns for an operation.
     *
     * @param id         the operation id
     * @param deployment the deployment it works on
     * @param kind       plan, apply or destroy
     * @param status     queued, running, succeeded, refused or failed
     * @param createdAt  when it was requested
     * @param finishedAt when it ended, or null while it runs
     * @param progress   the steps done so far
     * @param error      why it failed or was refused, or null
     * @param fix        what would fix the failure, or null
     * @param result     the plan, for plan and apply
     */
    public record View(String id, String deployment, String kind, String status, Instant createdAt, Instant finishedAt,
            List<String> progress, String error, String fix, Object result) {
    }
}
