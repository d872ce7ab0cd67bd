package io.berth.distribution.audit;

import io.berth.api.BerthException;

/** The audit database could not be read. */
public class AuditUnavailableException extends BerthException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, "check admin.database in berth.yaml and that the database is reachable", cause);
    }
}
