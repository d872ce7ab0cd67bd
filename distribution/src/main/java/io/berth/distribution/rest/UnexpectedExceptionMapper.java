package io.berth.distribution.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Maps an unexpected failure to a 500 problem document, and logs it with its stack trace. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Inject
    ProblemResponses responses;

    @Override
    public Response toResponse(Exception exception) {
        LOG.errorf(exception, "request failed unexpectedly: %s", exception.getMessage());
        return responses.of(Problem.of("internal-error", "Internal server error", 500,
                "the server failed unexpectedly: " + exception.getClass().getSimpleName()
                        + "; the server log has the details"));
    }
}
