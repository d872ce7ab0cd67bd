package io.berth.rules.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import io.berth.api.Severity;
import io.berth.api.config.RulesConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one input document through the engine that {@code rules.engine} names and turns the
 * result into findings. The same document goes to either engine, so both give the same findings.
 */
public final class RuleEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEvaluator.class);

    public static final String EMBEDDED = "embedded";
    public static final String OPA = "opa";

    private static final Comparator<JsonNode> FINDING_ORDER = Comparator
            .<JsonNode, String>comparing(finding -> finding.path("rule").asText())
            .thenComparing(finding -> finding.path("target").asText())
            .thenComparing(finding -> finding.path("message").asText())
            .thenComparing(JsonNode::toString);

    private final EmbeddedEngine embedded;
    private final OpaServerEngine server = new OpaServerEngine();

    public RuleEvaluator(EmbeddedEngine embedded) {
        this.embedded = embedded;
    }

    /** Releases the embedded engine's modules. */
    public void close() {
        embedded.close();
    }

    /** Evaluates the rules on an input document and returns the findings, sorted by rule, target and message. */
    public List<Finding> evaluate(ObjectNode input, RulesConfig rules) {
        byte[] inputJson = serialize(input);
        long started = System.nanoTime();

        String source;
        List<JsonNode> results;
        switch (rules.engine()) {
            case EMBEDDED -> {
                source = "the embedded engine";
                results = embedded.evaluate(inputJson, rules);
            }
            case OPA -> {
                source = "the OPA server at " + rules.opaUrl();
                results = List.of(server.evaluate(inputJson, rules.opaUrl()));
            }
            default -> throw new InvalidConfigException("rules.engine", "unknown engine '" + rules.engine() + "'",
                    "use embedded (OPA Wasm in-process) or opa (a remote OPA server at rules.opaUrl)");
        }

        List<Finding> findings = toFindings(merge(results, source), source);
        LOG.debug("company rules gave {} finding(s) with {} in {} ms", findings.size(), source,
                (System.nanoTime() - started) / 1_000_000);
        return findings;
    }

    /** Reads {@code rules.failOn}; anything but {@code error} or {@code warning} is a config error. */
    public static Severity failOn(RulesConfig rules) {
        try {
            return Severity.fromId(rules.failOn());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("rules.failOn", "unknown severity '" + rules.failOn() + "'",
                    "use error or warning");
        }
    }

    /**
     * Returns one bundle's result as it is, and unites several without duplicates, sorted as the
     * rules sort. Duplicates occur because each company bundle compiles the default rules in too.
     */
    private static List<JsonNode> merge(List<JsonNode> results, String source) {
        for (JsonNode result : results) {
            if (!result.isArray()) {
                throw new RuleEvaluationException("data.berth.findings from " + source + " is not an array but "
                        + result.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                        "check that no company rule defines data.berth.findings");
            }
        }
        if (results.size() == 1) {
            List<JsonNode> single = new ArrayList<>();
            results.get(0).forEach(single::add);
            return single;
        }
        Set<JsonNode> union = new LinkedHashSet<>();
        results.forEach(result -> result.forEach(union::add));
        List<JsonNode> sorted = new ArrayList<>(union);
        sorted.sort(FINDING_ORDER);
        return sorted;
    }

    private static List<Finding> toFindings(List<JsonNode> values, String source) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String where = "finding " + (i + 1) + " from " + source;
            String severity = requireText(value, "severity", where);
            Severity parsed;
            try {
                parsed = Severity.fromId(severity);
            } catch (IllegalArgumentException e) {
                throw new RuleEvaluationException(where + " has severity '" + severity + "'",
                        "make the rule report error or warning", e);
            }
            findings.add(new Finding(requireText(value, "rule", where), parsed, requireText(value, "target", where),
                    requireText(value, "message", where), value.path("fix").asText("")));
        }
        return findings;
    }

    private static String requireText(JsonNode finding, String field, String where) {
        JsonNode value = finding.get(field);
        if (value == null || !value.isTextual()) {
            throw new RuleEvaluationException(where + " has no string field '" + field + "': " + finding,
                    "make the rule report rule, severity, target, message and fix as strings");
        }
        return value.asText();
    }

    private static byte[] serialize(ObjectNode input) {
        try {
            return Json.MAPPER.writeValueAsBytes(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
