package io.berth.distribution.rest;

import io.berth.distribution.audit.AuditEvent;
import io.berth.distribution.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log: every request that changed something or was refused, newest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    AuditLog auditLog;

    /**
     * Lists audit events.
     *
     * @param limit    how many events, 1 to 1000; 100 when absent
     * @param beforeId only events older than this id, to read the next page
     */
    @GET
    public List<AuditEvent> list(@QueryParam("limit") String limit, @QueryParam("beforeId") String beforeId) {
        int count = (int) parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        long before = parse("beforeId", beforeId, Long.MAX_VALUE, 1, Long.MAX_VALUE);
        return auditLog.list(count, before);
    }

    /** Parses a whole-number query parameter, naming it when it is not a number in range. */
    private static long parse(String name, String value, long absent, long min, long max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the allowed range.
        }
        throw ProblemException.invalid(name, "'" + value + "' is not a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max), "pass a number in that range");
    }
}
