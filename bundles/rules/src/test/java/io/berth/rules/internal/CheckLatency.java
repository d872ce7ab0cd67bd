package io.berth.rules.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.Finding;
import io.berth.api.config.RulesConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the latency of one company-rules check of a full plan (policies/examples/input.json)
 * three ways in one run: the embedded engine (warm, compiled, in this JVM), a round trip to an
 * OPA server on loopback (warm), and an {@code opa eval} process. Run by
 * integration-tests/bench/check-latency.sh, which starts the server.
 *
 * <p>Arguments: OPA_URL OPA_BINARY [ITERATIONS] [PROCESS_RUNS]
 */
public final class CheckLatency {

    private CheckLatency() {
    }

    public static void main(String[] args) throws Exception {
        String opaUrl = args[0];
        Path opa = Path.of(args[1]);
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int processRuns = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ObjectNode input = (ObjectNode) TestFiles.json(TestFiles.SAMPLE_INPUT);

        EmbeddedEngine engine = new EmbeddedEngine(new EmbeddedEngine.DefaultBundle.File(TestFiles.DEFAULT_BUNDLE));
        RuleEvaluator evaluator = new RuleEvaluator(engine);
        RulesConfig embedded = RulesConfig.DEFAULT;
        RulesConfig remote = new RulesConfig("opa", opaUrl, null, List.of());

        List<Finding> expected = evaluator.evaluate(input, embedded);
        if (!expected.equals(evaluator.evaluate(input, remote))) {
            throw new AssertionError("the engines disagree on the sample input");
        }
        engine.awaitCompiled();

        double embeddedMs = median(() -> evaluator.evaluate(input, embedded), iterations);
        double remoteMs = median(() -> evaluator.evaluate(input, remote), iterations);
        double processMs = median(() -> runOpaEval(opa), processRuns);

        System.out.printf("input: %s (%d bytes), %d finding(s)%n", TestFiles.SAMPLE_INPUT,
                Files.size(TestFiles.SAMPLE_INPUT), expected.size());
        System.out.printf("embedded engine (Chicory, compiled, warm): median %8.3f ms over %d checks%n",
                embeddedMs, iterations);
        System.out.printf("OPA server round trip (loopback, warm):    median %8.3f ms over %d checks%n",
                remoteMs, iterations);
        System.out.printf("opa eval (one process per check):          median %8.3f ms over %d runs%n",
                processMs, processRuns);
        System.out.printf("ratios: server / embedded = %.2f, opa eval / embedded = %.2f%n",
                remoteMs / embeddedMs, processMs / embeddedMs);
        System.out.printf("target (embedded faster than the server round trip): %s%n",
                embeddedMs < remoteMs ? "met" : "NOT met");
        engine.close();
    }

    /** Runs the check once untimed for every timed run, then returns the median of the timed runs in ms. */
    private static double median(Check check, int runs) throws Exception {
        for (int i = 0; i < runs; i++) {
            check.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            check.run();
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static void runOpaEval(Path opa) throws Exception {
        Process process = new ProcessBuilder(opa.toString(), "eval", "--format", "raw", "--ignore", "*_test.rego",
                "--data", TestFiles.POLICIES.resolve("berth").toString(),
                "--data", TestFiles.POLICIES.resolve("data").toString(),
                "--input", TestFiles.SAMPLE_INPUT.toString(), "data.berth.findings")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("opa eval failed or took over 60 s");
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }
}
