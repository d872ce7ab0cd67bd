package io.berth.distribution.rest;

import io.berth.api.BerthException;
import io.berth.api.InvalidConfigException;
import io.berth.api.RuleEvaluationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns Berth's errors into RFC 9457 problem documents that name the field and the fix. */
@Provider
public class BerthExceptionMapper implements ExceptionMapper<BerthException> {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @Override
    public Response toResponse(BerthException exception) {
        int status = exception instanceof InvalidConfigException ? 400 : 502;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(exception));
        problem.put("status", status);
        problem.put("detail", exception.getMessage());
        if (exception instanceof InvalidConfigException invalid) {
            problem.put("field", invalid.field());
        }
        if (!exception.fix().isEmpty()) {
            problem.put("fix", exception.fix());
        }
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    private static String title(BerthException exception) {
        if (exception instanceof InvalidConfigException) {
            return "Invalid configuration";
        }
        return exception instanceof RuleEvaluationException ? "Company rules could not be evaluated" : "Cloud call failed";
    }
}
