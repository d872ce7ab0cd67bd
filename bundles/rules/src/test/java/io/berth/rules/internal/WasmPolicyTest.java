package io.berth.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.RuleEvaluationException;
import org.junit.jupiter.api.Test;

class WasmPolicyTest {

    private static WasmPolicy load(java.nio.file.Path bundle) {
        return new WasmPolicy(CompiledBundle.read(bundle, "rebuild"), EmbeddedEngine.ENTRYPOINT);
    }

    @Test
    void sampleInputGivesRecordedFindings() {
        WasmPolicy policy = load(TestFiles.DEFAULT_BUNDLE);

        JsonNode findings = policy.evaluate(TestFiles.bytes(TestFiles.SAMPLE_INPUT));

        assertEquals(TestFiles.json(TestFiles.SAMPLE_FINDINGS).get("findings"), findings);
    }

    @Test
    void repeatedCompiledEvaluationsReuseTheHeap() {
        WasmPolicy policy = load(TestFiles.DEFAULT_BUNDLE);
        policy.awaitCompiled();
        byte[] sample = TestFiles.bytes(TestFiles.SAMPLE_INPUT);
        byte[] empty = TestFiles.utf8("{}");
        JsonNode expected = TestFiles.json(TestFiles.SAMPLE_FINDINGS).get("findings");

        for (int i = 0; i < 200; i++) {
            assertEquals(0, policy.evaluate(empty).size(), "evaluation " + i + " of {}");
            assertEquals(expected, policy.evaluate(sample), "evaluation " + i + " of the sample");
        }
    }

    @Test
    void sprintfMatchesOpaEval() {
        WasmPolicy policy = load(TestFiles.TEST_BUNDLES.resolve("sprintf.tar.gz"));
        String input = "{\"group\":\"sg-1\",\"port\":443,\"cidrs\":[\"10.0.0.0/8\",\"::/0\"],\"flag\":true,\"ratio\":1.5}";

        JsonNode findings = policy.evaluate(TestFiles.utf8(input));

        // Recorded with: opa eval -f raw -d rego/sprintf -i <the input above> data.berth.findings (OPA 1.22.4)
        JsonNode expected = TestFiles.json("[{\"fix\":\"%!d(string=sg-1) %!s(MISSING)\","
                + "\"message\":\"allows port 443 from [\\\"10.0.0.0/8\\\", \\\"::/0\\\"]; %!s(int64=443) true 1.5"
                + " %!d(float64=1.5)%\",\"rule\":\"sprintf-check\",\"severity\":\"warning\","
                + "\"target\":\"security group sg-1\"}]");
        assertEquals(expected, findings);
    }

    @Test
    void unknownBuiltinIsRejectedWhenLoaded() {
        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> load(TestFiles.TEST_BUNDLES.resolve("unknown-builtin.tar.gz")));

        assertTrue(error.getMessage().contains("yaml.marshal"), error.getMessage());
        assertTrue(error.getMessage().contains("unknown-builtin.tar.gz"), error.getMessage());
        assertTrue(error.fix().contains("rules.engine: opa"), error.fix());
    }

    @Test
    void evaluationErrorFailsAndTheNextEvaluationWorks() {
        WasmPolicy policy = load(TestFiles.TEST_BUNDLES.resolve("conflict.tar.gz"));

        RuleEvaluationException error = assertThrows(RuleEvaluationException.class,
                () -> policy.evaluate(TestFiles.utf8("{\"first\":true,\"second\":true}")));

        assertTrue(error.getMessage().contains("conflict.tar.gz failed: "), error.getMessage());
        assertTrue(error.getMessage().endsWith("conflict/findings.rego:8:1: var assignment conflict"), error.getMessage());
        assertEquals(TestFiles.json("[]"), policy.evaluate(TestFiles.utf8("{\"first\":true}")));
    }
}
