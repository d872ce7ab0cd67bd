package io.berth.distribution.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import java.util.stream.Collectors;

/**
 * Rejects a JSON request body that cannot be read, naming the field at fault. The mappers are
 * declared per exception type, because Quarkus REST's Jackson support has its own mapper for
 * {@link MismatchedInputException} that a mapper of a supertype would not override.
 */
@ApplicationScoped
public class JsonBodyExceptionMapper {

    @Inject
    ProblemResponses responses;

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException exception) {
        return toResponse(exception);
    }

    @ServerExceptionMapper
    public Response mapJsonProcessing(JsonProcessingException exception) {
        return toResponse(exception);
    }

    Response toResponse(JsonProcessingException exception) {
        Problem problem;
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            problem = invalid("unknown field '" + unknown.getPropertyName() + "'", fieldPath(unknown))
                    .withFix("remove it, or use one of: " + known);
        } else if (exception instanceof InvalidFormatException format) {
            problem = invalid("'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName(),
                    fieldPath(format));
        } else if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            problem = invalid(firstLine(mapping.getOriginalMessage()), fieldPath(mapping));
        } else {
            String where = exception.getLocation() == null ? ""
                    : " at line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr();
            problem = invalid("the body is not valid JSON" + where + ": " + firstLine(exception.getOriginalMessage()), "body");
        }
        return responses.of(problem);
    }

    private static Problem invalid(String detail, String field) {
        return Problem.of("invalid-request", "Invalid request", 400, detail).withField(field);
    }

    /** Returns the JSON path of the field, such as {@code buckets[0].name}. */
    private static String fieldPath(JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
