package io.berth.distribution.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem responses in the shape {@link BerthExceptionMapper} uses. Statuses are plain
 * numbers because {@code Response.Status} has no constant for 422.
 */
final class Problems {

    private Problems() {
    }

    /** Returns the problem's fields in their usual order; callers may add their own. */
    static Map<String, Object> body(int status, String title, String detail, String fix) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (fix != null && !fix.isEmpty()) {
            problem.put("fix", fix);
        }
        return problem;
    }

    static Response response(int status, String title, String detail, String fix) {
        return response(status, body(status, title, detail, fix));
    }

    static Response response(int status, Map<String, Object> body) {
        return Response.status(status).type(Problem.PROBLEM_JSON).entity(body).build();
    }
}
