package io.berth.distribution.rest;

import io.berth.distribution.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** Builds error responses from problem documents, and notes each problem's detail in the audit record. */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    AuditTrail auditTrail;

    public Response of(Problem problem) {
        auditTrail.detail(problem.detail());
        return Response.status(problem.status()).type(Problem.PROBLEM_JSON).entity(problem).build();
    }
}
