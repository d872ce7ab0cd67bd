package io.berth.distribution.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.Finding;
import io.berth.api.Severity;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the findings of {@code berth check} as text, JSON or SARIF 2.1.0. */
final class FindingsWriter {

    enum Format { text, json, sarif }

    /**
     * The findings of one checked file.
     *
     * @param file     the policy file, or the config file when the generated documents were checked
     * @param findings what the rules found in it
     */
    record Checked(String file, List<Finding> findings) {
    }

    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ObjectMapper json;
    private final Severity failOn;

    FindingsWriter(ObjectMapper json, Severity failOn) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.failOn = failOn;
    }

    void write(Format format, List<Checked> checked, PrintWriter out) {
        switch (format) {
            case text -> writeText(checked, out);
            case json -> out.println(toJson(findingsDocument(checked)));
            case sarif -> out.println(toJson(sarifDocument(checked)));
        }
    }

    /** Prints one line per finding, then a count. Each line names its file when several were checked. */
    private void writeText(List<Checked> checked, PrintWriter out) {
        int total = 0;
        int atOrAbove = 0;
        for (Checked check : checked) {
            String prefix = checked.size() > 1 ? check.file() + ": " : "";
            for (Finding finding : check.findings()) {
                out.printf("%s%-7s %s  %s: %s%s%n", prefix, finding.severity().id(), finding.rule(), finding.target(),
                        finding.message(), finding.fix().isEmpty() ? "" : " Fix: " + finding.fix());
                total++;
                atOrAbove += finding.severity().isAtLeast(failOn) ? 1 : 0;
            }
        }
        out.printf("%d finding(s), %d at or above %s%n", total, atOrAbove, failOn.id());
    }

    private ObjectNode findingsDocument(List<Checked> checked) {
        ObjectNode document = json.createObjectNode();
        ArrayNode findings = document.putArray("findings");
        for (Checked check : checked) {
            for (Finding finding : check.findings()) {
                ObjectNode entry = findings.addObject();
                entry.put("rule", finding.rule());
                entry.put("severity", finding.severity().id());
                entry.put("target", finding.target());
                entry.put("message", finding.message());
                entry.put("fix", finding.fix());
                entry.put("file", check.file());
            }
        }
        return document;
    }

    /**
     * Builds a SARIF 2.1.0 log with one run. Each rule that raised a finding is a reporting
     * descriptor, and each finding a result located in the checked file, with its target as the
     * logical location.
     */
    private ObjectNode sarifDocument(List<Checked> checked) {
        Map<String, Finding> firstOfRule = new LinkedHashMap<>();
        checked.forEach(check -> check.findings().forEach(finding -> firstOfRule.putIfAbsent(finding.rule(), finding)));
        List<String> ruleIds = List.copyOf(firstOfRule.keySet());

        ObjectNode log = json.createObjectNode();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "berth");
        ArrayNode rules = driver.putArray("rules");
        for (Finding first : firstOfRule.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", first.rule());
            rule.putObject("shortDescription").put("text", "Company rule " + first.rule());
            rule.putObject("help").put("text", first.fix());
            rule.putObject("defaultConfiguration").put("level", level(first.severity()));
        }

        ArrayNode results = run.putArray("results");
        for (Checked check : checked) {
            for (Finding finding : check.findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", finding.rule());
                result.put("ruleIndex", ruleIds.indexOf(finding.rule()));
                result.put("level", level(finding.severity()));
                result.putObject("message").put("text", finding.target() + ": " + finding.message()
                        + (finding.fix().isEmpty() ? "" : " Fix: " + finding.fix()));
                ObjectNode location = result.putArray("locations").addObject();
                location.putObject("physicalLocation").putObject("artifactLocation")
                        .put("uri", check.file().replace('\\', '/'));
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.target());
            }
        }
        return log;
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }

    private String toJson(ObjectNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
