package io.berth.distribution.audit;

import java.time.Instant;

/**
 * One audited request of the admin API.
 *
 * @param id            the database id, increasing with time; 0 before the event is stored
 * @param at            when the response was sent
 * @param who           the token's name, {@code anonymous} without a token, {@code unknown-token} for a wrong one
 * @param role          the token's role, or null without a valid token
 * @param remoteAddress the client's IP address
 * @param method        the HTTP method
 * @param path          the request path
 * @param target        what the request acted on, such as a bundle's symbolic name; null when nothing in particular
 * @param status        the HTTP status of the response
 * @param outcome       {@code succeeded}, {@code unauthenticated}, {@code forbidden}, {@code rejected} or {@code failed}
 * @param detail        what was done, or why the request was refused; never a token
 */
public record AuditEvent(long id, Instant at, String who, String role, String remoteAddress, String method, String path,
        String target, int status, String outcome, String detail) {

    /** Returns the outcome recorded for an HTTP status. */
    public static String outcomeOf(int status) {
        if (status < 400) {
            return "succeeded";
        }
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> status < 500 ? "rejected" : "failed";
        };
    }

    /** Returns a one-line description for logs, without the detail. */
    public String summary() {
        return method + " " + path + " by " + who + " -> " + status;
    }
}
