package io.berth.distribution.rest;

import io.berth.api.BerthException;
import io.berth.api.ClusterNotFoundException;
import io.berth.api.InvalidConfigException;
import io.berth.api.PlanRefusedException;
import io.berth.api.RuleEvaluationException;
import io.berth.distribution.audit.AuditUnavailableException;
import io.berth.distribution.operations.ShuttingDownException;
import io.berth.distribution.platform.BundleConflictException;
import io.berth.distribution.platform.BundleNotFoundException;
import io.berth.distribution.platform.UntrustedBundleException;
import io.berth.distribution.trust.InvalidBundleException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns Berth's errors into RFC 9457 problem documents that name the field and the fix. */
@Provider
public class BerthExceptionMapper implements ExceptionMapper<BerthException> {

    @Inject
    ProblemResponses responses;

    @Override
    public Response toResponse(BerthException exception) {
        if (exception instanceof PlanRefusedException refused) {
            return refused(refused);
        }
        Problem problem;
        // A missing cluster is an InvalidConfigException for the CLI's exit code 2, and a 404 here.
        if (exception instanceof ClusterNotFoundException) {
            problem = Problem.of("cluster-not-found", "Cluster not found", 404, exception.getMessage()).withField("name");
        } else if (exception instanceof InvalidConfigException invalid) {
            problem = Problem.of("invalid-configuration", "Invalid configuration", 400, exception.getMessage())
                    .withField(invalid.field());
        } else if (exception instanceof InvalidBundleException) {
            problem = Problem.of("invalid-bundle", "Invalid bundle", 400, exception.getMessage()).withField("body");
        } else if (exception instanceof UntrustedBundleException) {
            problem = Problem.of("untrusted-bundle", "Untrusted bundle", 403, exception.getMessage()).withField("body");
        } else if (exception instanceof BundleConflictException) {
            problem = Problem.of("bundle-conflict", "Bundle conflict", 409, exception.getMessage()).withField("symbolicName");
        } else if (exception instanceof BundleNotFoundException) {
            problem = Problem.of("not-found", "Not found", 404, exception.getMessage()).withField("symbolicName");
        } else if (exception instanceof ShuttingDownException) {
            problem = Problem.of("shutting-down", "Server stopping", 503, exception.getMessage());
        } else if (exception instanceof RuleEvaluationException) {
            problem = Problem.of("rules-unavailable", "Company rules could not be evaluated", 502, exception.getMessage());
        } else if (exception instanceof AuditUnavailableException) {
            problem = Problem.of("audit-unavailable", "Audit log unavailable", 503, exception.getMessage());
        } else {
            problem = Problem.of("cloud-call-failed", "Cloud call failed", 502, exception.getMessage());
        }
        return responses.of(problem.withFix(exception.fix()));
    }

    /** Returns a 422 problem with the findings: the request was valid, but the plan's findings stop it. */
    private static Response refused(PlanRefusedException refused) {
        Map<String, Object> problem = Problems.body(422, "Refused on findings", refused.getMessage(), refused.fix());
        problem.put("findings", refused.findings().stream().map(finding -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", finding.rule());
            entry.put("severity", finding.severity().id());
            entry.put("target", finding.target());
            entry.put("message", finding.message());
            entry.put("fix", finding.fix());
            return entry;
        }).toList());
        return Problems.response(422, problem);
    }
}
