package io.berth.bench.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import org.osgi.service.component.annotations.Component;

/**
 * Makes every AWS call take a fixed extra time, as a remote region would, and appends each
 * call's start, end and thread to the file named by BERTH_BENCH_TIMINGS, one tab-separated line
 * each. Only for benches: drop the jar into the deploy folder of the command being measured.
 */
@Component(service = ExecutionInterceptor.class)
public final class LatencyInterceptor implements ExecutionInterceptor {

    static final String DELAY_VARIABLE = "BERTH_BENCH_DELAY_MS";
    static final String TIMINGS_VARIABLE = "BERTH_BENCH_TIMINGS";

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("berth.bench.started");

    private final long delayMillis = Long.parseLong(System.getenv().getOrDefault(DELAY_VARIABLE, "50"));
    private final Path timings = Path.of(System.getenv().getOrDefault(TIMINGS_VARIABLE, "bench-timings.tsv"));

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        write(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        write(attributes);
    }

    private synchronized void write(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        String line = started + "\t" + System.nanoTime() + "\t" + Thread.currentThread().getName() + "\t"
                + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + "\n";
        try {
            Files.writeString(timings, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the bench timings to " + timings, e);
        }
    }
}
