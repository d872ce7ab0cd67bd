package io.berth.distribution.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;

/**
 * An RFC 9457 problem document, the body of every error of the admin API.
 *
 * @param type   a URI naming the kind of problem, such as {@code urn:berth:problem:untrusted-bundle}
 * @param title  a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong in this request, with the value found
 * @param field  the request field at fault: a JSON path, a query parameter or a header name; null when none is
 * @param fix    what would make the request succeed; null when nothing the client does would
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String fix) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    /** Creates a problem of the given kind; {@code kind} becomes the last part of {@code type}. */
    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem("urn:berth:problem:" + kind, title, status, detail, null, null);
    }

    public Problem withField(String newField) {
        return new Problem(type, title, status, detail, newField, fix);
    }

    public Problem withFix(String newFix) {
        return new Problem(type, title, status, detail, field, newFix == null || newFix.isEmpty() ? null : newFix);
    }
}
