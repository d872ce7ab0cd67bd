package io.berth.distribution.rest;

import io.berth.api.BerthException;
import io.berth.api.Finding;
import io.berth.api.InvalidConfigException;
import io.berth.api.PlanRefusedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Berth's errors into RFC 9457 problem documents that name the field and the fix. */
@Provider
public class BerthExceptionMapper implements ExceptionMapper<BerthException> {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @Override
    public Response toResponse(BerthException exception) {
        if (exception instanceof PlanRefusedException refused) {
            return refused(refused);
        }
        boolean invalidConfig = exception instanceof InvalidConfigException;
        int status = invalidConfig ? 400 : 502;
        Map<String, Object> problem = Problems.body(status, invalidConfig ? "Invalid configuration" : "Cloud call failed",
                exception.getMessage(), exception.fix());
        if (exception instanceof InvalidConfigException invalid) {
            problem.put("field", invalid.field());
        }
        return Problems.response(status, problem);
    }

    /** Returns a 422 problem with the findings: the request was valid, but the plan's findings stop it. */
    private static Response refused(PlanRefusedException refused) {
        Map<String, Object> problem = Problems.body(422, "Refused on findings", refused.getMessage(), refused.fix());
        problem.put("findings", findings(refused.findings()));
        return Problems.response(422, problem);
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(finding -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", finding.rule());
            entry.put("severity", finding.severity().id());
            entry.put("target", finding.target());
            entry.put("message", finding.message());
            entry.put("fix", finding.fix());
            return entry;
        }).toList();
    }
}
