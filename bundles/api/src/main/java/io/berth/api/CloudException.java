package io.berth.api;

/** An AWS call failed. */
public class CloudException extends BerthException {
    private static final long serialVersionUID = 1L;

    public CloudException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
