package io.berth.distribution.rest;

import io.berth.api.BerthException;
import io.berth.api.ClusterNotFoundException;
import io.berth.api.InvalidConfigException;
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
        int status = status(exception);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", switch (status) {
            case 400 -> "Invalid input";
            case 404 -> "Cluster not found";
            default -> "Cloud call failed";
        });
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

    private static int status(BerthException exception) {
        if (exception instanceof ClusterNotFoundException) {
            return 404;
        }
        return exception instanceof InvalidConfigException ? 400 : 502;
    }
}
