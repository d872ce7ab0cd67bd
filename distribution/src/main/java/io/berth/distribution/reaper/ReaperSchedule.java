package io.berth.distribution.reaper;

import io.berth.api.BerthException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.Durations;
import io.berth.distribution.deployments.ServerConfig;
import io.berth.distribution.platform.PlatformSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Schedules reaper passes in {@code berth serve} at the interval of {@code reaper.schedule} in the
 * server's config. The interval is read once at start-up, so a changed schedule needs a restart;
 * each pass reads the rest of the config afresh.
 */
@ApplicationScoped
public class ReaperSchedule {

    static final String JOB = "berth-reaper";

    private static final Logger LOG = Logger.getLogger(ReaperSchedule.class);

    @Inject
    Scheduler scheduler;

    @Inject
    ServerConfig config;

    @Inject
    PlatformSettings settings;

    @Inject
    ReaperRuns runs;

    private volatile Duration interval;

    void onStart(@Observes StartupEvent event) {
        // CLI commands boot the same application without the platform; only the server schedules.
        if (!settings.startOnBoot() || !config.isSet()) {
            return;
        }
        DeploymentConfig deployment;
        try {
            deployment = config.load();
        } catch (BerthException e) {
            LOG.errorf("no scheduled reaper passes: the deployment config is invalid: %s", e.getMessage());
            return;
        }
        String schedule = deployment.reaper().schedule();
        if (schedule == null) {
            LOG.infof("no scheduled reaper passes for deployment %s: reaper.schedule is not set", deployment.deployment());
            return;
        }
        interval = Durations.parse(schedule);
        scheduler.newJob(JOB)
                .setInterval(interval.toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> runs.submitScheduled())
                .schedule();
        LOG.infof("reaper passes over deployment %s scheduled every %s", deployment.deployment(), Durations.format(interval));
    }

    /** Returns the interval between scheduled passes, or empty when none are scheduled. */
    public Optional<Duration> interval() {
        return Optional.ofNullable(interval);
    }
}
