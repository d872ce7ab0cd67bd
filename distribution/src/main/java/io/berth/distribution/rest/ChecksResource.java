package io.berth.distribution.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.api.CompanyRules;
import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.RoleKind;
import io.berth.api.config.RulesConfig;
import io.berth.distribution.config.JsonErrors;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ServiceType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a posted document against the company rules: a whole plan in the rules' input format
 * (an object with {@code roles}), or one IAM policy document (an object with {@code Statement}).
 */
@Path("/api/v1/checks")
public class ChecksResource {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Platform platform;

    @Inject
    ObjectMapper json;

    /**
     * Returns {@code {"findings": [...]}}, each finding with rule, severity, target, message and fix.
     *
     * @param body the input document or IAM policy, as JSON
     * @param role the role kind an IAM policy is meant for; ignored for an input document
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<Map<String, String>>> check(String body,
            @QueryParam("role") @DefaultValue("user-initiated") String role) {
        JsonNode document = parse(body);
        // NOTE: the admin server does not keep its --config, so checks use the default rule
        // settings: the embedded engine with the bundled rules and no extra folders.
        RulesConfig rules = RulesConfig.DEFAULT;
        CompanyRules companyRules = platform.providers().awaitService(ServiceType.COMPANY_RULES, CompanyRules.class,
                SERVICE_TIMEOUT);

        List<Finding> findings;
        if (document.has("roles")) {
            findings = companyRules.evaluateInput(body, rules);
        } else if (document.has("Statement")) {
            findings = companyRules.evaluatePolicy(roleKind(role), body, rules);
        } else {
            throw new InvalidConfigException("body", "is neither a plan input document (an object with roles)"
                    + " nor an IAM policy document (an object with Statement)",
                    "post the input document described in policies/README.md, or an IAM policy");
        }
        return Map.of("findings", findings.stream().map(ChecksResource::describe).toList());
    }

    private JsonNode parse(String body) {
        JsonNode document;
        try {
            document = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("body", "is not valid JSON " + JsonErrors.describe(e),
                    "post a JSON object");
        }
        if (document == null || !document.isObject()) {
            throw new InvalidConfigException("body", "is not a JSON object", "post a JSON object");
        }
        return document;
    }

    private static RoleKind roleKind(String role) {
        try {
            return RoleKind.fromId(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("role", e.getMessage(), "pass ?role= with one of the role kinds");
        }
    }

    private static Map<String, String> describe(Finding finding) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("rule", finding.rule());
        entry.put("severity", finding.severity().id());
        entry.put("target", finding.target());
        entry.put("message", finding.message());
        entry.put("fix", finding.fix());
        return entry;
    }
}
