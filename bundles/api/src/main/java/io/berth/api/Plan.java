package io.berth.api;

import io.berth.api.config.DeploymentConfig;
import java.util.List;
import java.util.Objects;

/**
 * What a setup would do: the resources, the generated IAM documents and the findings on them.
 *
 * @param config    the configuration the plan was made from
 * @param resources what would be created, kept, updated, adopted or deleted, in apply order
 * @param roles     the generated IAM documents, one entry per role kind
 * @param findings  the findings of the built-in validation and the company rules
 */
public record Plan(
        DeploymentConfig config,
        List<PlannedResource> resources,
        List<GeneratedRole> roles,
        List<Finding> findings) {

    public Plan {
        Objects.requireNonNull(config, "config");
        resources = List.copyOf(resources);
        roles = List.copyOf(roles);
        findings = List.copyOf(findings);
    }

    /** Whether any finding is at or above the given severity, which refuses an apply. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return findings.stream().anyMatch(finding -> finding.severity().isAtLeast(threshold));
    }
}
