package io.berth.api;

/**
 * A failure Berth reports to the user: it says what failed and what would fix it.
 * Subclasses tell the CLI which exit code and the REST API which status to use.
 */
public class BerthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fix;

    public BerthException(String message, String fix) {
        super(message);
        this.fix = fix == null ? "" : fix;
    }

    public BerthException(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix == null ? "" : fix;
    }

    /** What would make the failure go away, or an empty string when nothing the user does would. */
    public String fix() {
        return fix;
    }
}
