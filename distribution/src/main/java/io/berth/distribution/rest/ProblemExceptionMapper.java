package io.berth.distribution.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Sends the problem document a resource threw. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Inject
    ProblemResponses responses;

    @Override
    public Response toResponse(ProblemException exception) {
        return responses.of(exception.problem());
    }
}
