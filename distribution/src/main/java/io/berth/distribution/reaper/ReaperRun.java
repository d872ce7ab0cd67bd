package io.berth.distribution.reaper;

import io.berth.api.ReapDecision;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One reaper pass run by the admin server, on its schedule or on request. */
public final class ReaperRun {

    /** The cause of a pass: its schedule or an API request. */
    public enum Trigger { SCHEDULE, API }

    /**
     * The state of a pass, and once it ended its result: every decided removal done, some
     * resources not removed, or the pass itself failed before it could decide.
     */
    public enum Outcome { QUEUED, RUNNING, SUCCEEDED, INCOMPLETE, FAILED }

    private final String id;
    private final Trigger trigger;
    private final boolean dryRun;
    private final Instant requestedAt = Instant.now();
    private Instant startedAt;
    private Instant finishedAt;
    private Outcome outcome = Outcome.QUEUED;
    private List<ReapDecision> decisions = List.of();
    private String error;
    private String fix;

    ReaperRun(String id, Trigger trigger, boolean dryRun) {
        this.id = id;
        this.trigger = trigger;
        this.dryRun = dryRun;
    }

    String id() {
        return id;
    }

    Trigger trigger() {
        return trigger;
    }

    synchronized void running() {
        outcome = Outcome.RUNNING;
        startedAt = Instant.now();
    }

    synchronized void finished(List<ReapDecision> decided) {
        decisions = List.copyOf(decided);
        boolean complete = dryRun || decided.stream().allMatch(ReapDecision::removed);
        outcome = complete ? Outcome.SUCCEEDED : Outcome.INCOMPLETE;
        finishedAt = Instant.now();
    }

    synchronized void failed(String message, String fixText) {
        outcome = Outcome.FAILED;
        error = message;
        fix = fixText;
        finishedAt = Instant.now();
    }

    synchronized boolean isDone() {
        return outcome != Outcome.QUEUED && outcome != Outcome.RUNNING;
    }

    public synchronized View view() {
        return new View(id, trigger.name().toLowerCase(Locale.ROOT), dryRun, requestedAt, startedAt, finishedAt,
                outcome.name().toLowerCase(Locale.ROOT), decisions.size(), decisions, error, fix);
    }

    /**
     * A pass as {@code GET /api/v1/reaper/runs} shows it.
     *
     * @param trigger   {@code schedule} or {@code api}
     * @param outcome   queued, running, succeeded, incomplete (some removals failed) or failed
     * @param removals  how many resources the pass decided to remove
     * @param decisions each resource, whether it was removed, and why
     * @param error     why the pass failed, or null
     * @param fix       what would fix the failure, or null
     */
    public record View(String id, String trigger, boolean dryRun, Instant requestedAt, Instant startedAt,
            Instant finishedAt, String outcome, int removals, List<ReapDecision> decisions, String error, String fix) {
    }
}
