package io.berth.distribution.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns the errors of the JAX-RS layer itself (an unknown path, a method or media type the
 * resource does not take) into problem documents.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    ProblemResponses responses;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Inject
    JsonBodyExceptionMapper jsonBody;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return jsonBody.toResponse(json);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Problem problem = new Problem("about:blank", title, status, detail(exception), null, null);
        if (exception instanceof NotSupportedException) {
            problem = problem.withField("Content-Type");
        } else if (exception instanceof NotAcceptableException) {
            problem = problem.withField("Accept");
        }
        return responses.of(problem);
    }

    private String detail(WebApplicationException exception) {
        if (exception instanceof NotSupportedException) {
            return "the resource does not take this Content-Type";
        }
        if (exception instanceof NotFoundException) {
            return "no resource at " + uriInfo.getPath();
        }
        if (exception instanceof NotAllowedException) {
            // NOTE: Quarkus REST 3.33 sends this 405 without the Allow header that RFC 9110 asks for.
            return "the resource at " + uriInfo.getPath() + " does not take the method " + request.getMethod();
        }
        String message = exception.getMessage();
        return message == null || message.isBlank() ? "the request failed" : message;
    }
}
