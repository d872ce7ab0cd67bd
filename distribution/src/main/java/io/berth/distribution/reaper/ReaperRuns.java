package io.berth.distribution.reaper;

import io.berth.api.BerthException;
import io.berth.api.ReapDecision;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterService;
import io.berth.distribution.deployments.ServerConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs reaper passes of the server's deployment one at a time, in the background, and keeps the
 * latest {@value #HISTORY} in memory for {@code GET /api/v1/reaper/runs}. A restart loses them,
 * but the server log keeps what the passes removed.
 */
@ApplicationScoped
public class ReaperRuns {

    /** How many passes are kept, newest first. */
    static final int HISTORY = 50;

    private static final Logger LOG = Logger.getLogger(ReaperRuns.class);

    @Inject
    ServerConfig config;

    @Inject
    ClusterService clusters;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-reaper");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<ReaperRun> runs = new ArrayDeque<>();

    /** Queues a pass and returns it at once; the pass itself runs after those queued before it. */
    public synchronized ReaperRun.View submit(ReaperRun.Trigger trigger, boolean dryRun) {
        ReaperRun run = new ReaperRun(UUID.randomUUID().toString(), trigger, dryRun);
        runs.addFirst(run);
        trim();
        worker.submit(() -> execute(run));
        LOG.infof("queued reaper pass %s (%s%s)", run.id(), trigger.name().toLowerCase(java.util.Locale.ROOT),
                dryRun ? ", dry run" : "");
        return run.view();
    }

    /**
     * Queues a scheduled pass unless one is still queued or running, so that a slow pass does not
     * pile up work behind it. Returns whether a pass was queued.
     */
    public synchronized boolean submitScheduled() {
        boolean busy = runs.stream().anyMatch(run -> !run.isDone());
        if (busy) {
            LOG.info("skipped a scheduled reaper pass: the previous one has not finished");
            return false;
        }
        submit(ReaperRun.Trigger.SCHEDULE, false);
        return true;
    }

    /** The kept passes, newest first. */
    public synchronized List<ReaperRun.View> history() {
        List<ReaperRun.View> views = new ArrayList<>();
        runs.forEach(run -> views.add(run.view()));
        return views;
    }

    public synchronized Optional<ReaperRun.View> find(String id) {
        return runs.stream().filter(run -> run.id().equals(id)).findFirst().map(ReaperRun::view);
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void execute(ReaperRun run) {
        run.running();
        try {
            DeploymentConfig deployment = config.load();
            boolean dryRun = run.view().dryRun();
            List<ReapDecision> decisions = clusters.reaper(deployment).reap(deployment, dryRun);
            run.finished(decisions);
            LOG.infof("reaper pass %s over deployment %s %s: %d removals decided", run.id(), deployment.deployment(),
                    run.view().outcome(), decisions.size());
        } catch (BerthException e) {
            run.failed(e.getMessage(), e.fix());
            LOG.warnf("reaper pass %s failed: %s", run.id(), e.getMessage());
        } catch (RuntimeException e) {
            run.failed(String.valueOf(e.getMessage()), "check the server log, and the credentials and region with"
                    + " `berth doctor`");
            LOG.errorf(e, "reaper pass %s failed", run.id());
        }
    }

    private void trim() {
        while (runs.size() > HISTORY && runs.peekLast().isDone()) {
            runs.removeLast();
        }
    }
}
