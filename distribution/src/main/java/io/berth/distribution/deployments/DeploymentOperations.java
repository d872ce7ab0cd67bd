package io.berth.distribution.deployments;

import io.berth.api.ActiveProviders;
import io.berth.api.BerthException;
import io.berth.api.PlanRefusedException;
import io.berth.api.SetupService;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.cli.PlanDocument;
import io.berth.distribution.operations.OperationTracker;
import io.berth.distribution.operations.ShuttingDownException;
import io.berth.distribution.platform.Platform;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs plan, apply and destroy in the background, one at a time per server, and keeps the
 * last operations of each deployment for the API to report.
 */
@ApplicationScoped
public class DeploymentOperations {

    private static final Logger LOG = Logger.getLogger(DeploymentOperations.class);

    /** How many finished operations are kept per deployment. */
    static final int HISTORY = 50;

    @Inject
    Platform platform;

    @Inject
    OperationTracker tracker;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-deployment-operations");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public synchronized Operation.View submit(DeploymentConfig config, String kind) {
        Operation operation = new Operation(UUID.randomUUID().toString(), config.deployment(), kind);
        operations.put(operation.id(), operation);
        trim();
        worker.submit(() -> run(operation, config, kind));
        LOG.infof("queued %s of deployment %s as operation %s", kind, config.deployment(), operation.id());
        return operation.view();
    }

    public synchronized Optional<Operation.View> find(String deployment, String id) {
        Operation operation = operations.get(id);
        return operation == null || !operation.view().deployment().equals(deployment)
                ? Optional.empty()
                : Optional.of(operation.view());
    }

    /** The deployment's operations, newest first. */
    public synchronized List<Operation.View> history(String deployment) {
        List<Operation.View> views = new ArrayList<>();
        operations.values().stream().map(Operation::view).filter(view -> view.deployment().equals(deployment)).forEach(views::add);
        java.util.Collections.reverse(views);
        return views;
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }

    private void run(Operation operation, DeploymentConfig config, String kind) {
        operation.running();
        try (io.berth.distribution.operations.Operation tracked = tracker.begin(kind, config.deployment())) {
            Object[] result = new Object[1];
            // Each progress message follows a finished change to the cloud, so a stop requested
            // meanwhile ends the run there, between two steps, where the next apply resumes.
            java.util.function.Consumer<String> progress = message -> {
                operation.progress(message);
                if (tracked.stopRequested()) {
                    throw new ShuttingDownException(kind + " of " + config.deployment());
                }
            };
            tracked.step(kind, () -> result[0] = execute(config, kind, progress));
            operation.finish(Operation.Status.SUCCEEDED, result[0], null, null);
            LOG.infof("%s of deployment %s succeeded (operation %s)", kind, config.deployment(), operation.id());
        } catch (PlanRefusedException e) {
            operation.finish(Operation.Status.REFUSED, e.findings(), e.getMessage(), e.fix());
            LOG.warnf("%s of deployment %s refused: %s", kind, config.deployment(), e.getMessage());
        } catch (BerthException e) {
            operation.finish(Operation.Status.FAILED, null, e.getMessage(), e.fix());
            LOG.warnf("%s of deployment %s failed: %s", kind, config.deployment(), e.getMessage());
        } catch (RuntimeException e) {
            operation.finish(Operation.Status.FAILED, null, String.valueOf(e.getMessage()),
                    "check the server log, and the credentials and region with `berth doctor`");
            LOG.errorf(e, "%s of deployment %s failed", kind, config.deployment());
        }
    }

    private Object execute(DeploymentConfig config, String kind, java.util.function.Consumer<String> progress) {
        ActiveProviders providers = platform.providers().activeFor(config);
        SetupService setup = platform.setup();
        return switch (kind) {
            case "plan" -> PlanDocument.of(setup.plan(config, providers), providers.network().name());
            case "apply" -> PlanDocument.of(setup.apply(config, providers, progress), providers.network().name());
            case "destroy" -> {
                setup.destroy(config, providers, progress);
                yield null;
            }
            default -> throw new IllegalArgumentException("unknown operation " + kind);
        };
    }

    private void trim() {
        while (operations.size() > HISTORY * 4) {
            String oldest = operations.keySet().iterator().next();
            if (!operations.get(oldest).isDone()) {
                return;
            }
            operations.remove(oldest);
        }
    }
}
