package io.berth.distribution.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.Finding;
import io.berth.api.Plan;
import io.berth.api.PlannedResource;
import java.util.List;

/**
 * The JSON form of a plan, as {@code berth plan --format json} prints it and the admin API
 * returns it. IAM documents are embedded as JSON objects, not strings.
 */
public record PlanDocument(
        String deployment,
        String region,
        String mode,
        String networkProvider,
        List<PlannedResource> resources,
        List<Role> roles,
        List<FindingEntry> findings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Role(String kind, String name, String path, JsonNode trustPolicy, JsonNode policy, String permissionBoundary) {
    }

    public record FindingEntry(String rule, String severity, String target, String message, String fix) {
        static FindingEntry of(Finding finding) {
            return new FindingEntry(finding.rule(), finding.severity().id(), finding.target(), finding.message(), finding.fix());
        }
    }

    public static PlanDocument of(Plan plan, String networkProvider) {
        List<Role> roles = plan.roles().stream()
                .map(role -> new Role(role.kind().id(), role.name(), role.path(), parse(role.trustPolicy()),
                        parse(role.policy()), role.permissionBoundary()))
                .toList();
        return new PlanDocument(plan.config().deployment(), plan.config().region(), plan.config().mode().id(),
                networkProvider, plan.resources(), roles, plan.findings().stream().map(FindingEntry::of).toList());
    }

    private static JsonNode parse(String document) {
        if (document == null) {
            return null;
        }
        try {
            return JSON.readTree(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a generated IAM document is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
