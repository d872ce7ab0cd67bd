package io.berth.distribution.cli;

import io.berth.api.Finding;
import io.berth.api.GeneratedRole;
import io.berth.api.Plan;
import io.berth.api.PlannedResource;
import io.berth.api.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a plan for a person: the resources, the roles and the findings. */
final class PlanReport {

    private PlanReport() {
    }

    static void print(Plan plan, String networkProvider, PrintWriter out) {
        var config = plan.config();
        out.printf("Plan for deployment %s in %s (network: %s, mode: %s)%n%n", config.deployment(), config.region(),
                networkProvider, config.mode().id());

        out.println("Resources");
        for (PlannedResource resource : plan.resources()) {
            out.printf("  %-7s %-27s %-26s %s%n", resource.action().name().toLowerCase(java.util.Locale.ROOT),
                    resource.type(), resource.name(), properties(resource.properties()));
        }

        out.println();
        out.println("IAM roles (see `berth policies` for the documents)");
        for (GeneratedRole role : plan.roles()) {
            out.printf("  %-15s %-40s %d statement(s)%s%n", role.kind(), role.path() + role.name(), role.statements().size(),
                    role.permissionBoundary() == null ? "" : ", boundary " + role.permissionBoundary());
        }

        out.println();
        printFindings(plan.findings(), Severity.fromId(config.rules().failOn()), out);
        out.flush();
    }

    static void printFindings(List<Finding> findings, Severity threshold, PrintWriter out) {
        printFindings(findings, threshold, "apply", out);
    }

    /**
     * Prints the findings and whether they stop an operation.
     *
     * @param operation what the findings would stop, such as {@code apply} or {@code the template}
     */
    static void printFindings(List<Finding> findings, Severity threshold, String operation, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("Findings: none");
            return;
        }
        out.println("Findings");
        for (Finding finding : findings) {
            out.printf("  %-7s %-34s %s%n", finding.severity(), finding.rule(), finding.target());
            out.printf("          %s%n", finding.message());
            if (!finding.fix().isEmpty()) {
                out.printf("          fix: %s%n", finding.fix());
            }
        }
        long blocking = findings.stream().filter(finding -> finding.severity().isAtLeast(threshold)).count();
        out.printf("%d finding(s), %d at or above %s: %s %s%n", findings.size(), blocking, threshold, operation,
                blocking == 0 ? "would proceed" : "would refuse");
    }

    private static String properties(Map<String, String> properties) {
        return new java.util.TreeMap<>(properties).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
