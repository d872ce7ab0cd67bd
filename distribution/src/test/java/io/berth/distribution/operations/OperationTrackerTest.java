package io.berth.distribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperationTrackerTest {

    private final OperationTracker tracker = new OperationTracker();

    @Test
    void stopFinishesRunningStepOnly() throws Exception {
        List<String> done = new ArrayList<>();
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        boolean[] ran = new boolean[3];

        Thread apply = new Thread(() -> {
            try (Operation operation = tracker.begin("apply", "analytics")) {
                ran[0] = operation.step("create VPC", () -> {
                    inStep.countDown();
                    await(release);
                    done.add("create VPC");
                });
                ran[1] = operation.step("create subnets", () -> done.add("create subnets"));
                ran[2] = operation.step("create roles", () -> done.add("create roles"));
            }
        });
        apply.start();
        assertTrue(inStep.await(5, TimeUnit.SECONDS));

        tracker.requestStop();
        assertFalse(tracker.awaitSteps(Duration.ofMillis(100)), "the step is still running");
        release.countDown();
        assertTrue(tracker.awaitSteps(Duration.ofSeconds(5)));
        apply.join(5_000);

        assertEquals(List.of("create VPC"), done);
        assertTrue(ran[0]);
        assertFalse(ran[1]);
        assertFalse(ran[2]);
        assertTrue(tracker.running().isEmpty());
    }

    @Test
    void noOperationBeginsAfterStop() {
        tracker.requestStop();

        assertThrows(ShuttingDownException.class, () -> tracker.begin("apply", "analytics"));
    }

    @Test
    void awaitReturnsAtOnceBetweenSteps() {
        try (Operation operation = tracker.begin("apply", "analytics")) {
            operation.step("create VPC", () -> { });
            tracker.requestStop();

            assertTrue(tracker.awaitSteps(Duration.ofMillis(10)));
            assertTrue(operation.stopRequested());
            assertEquals(1, tracker.running().size());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
