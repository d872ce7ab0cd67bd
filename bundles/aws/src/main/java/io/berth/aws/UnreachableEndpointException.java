package io.berth.aws;

import io.berth.api.CloudException;

/** A failed AWS call that got no response: the endpoint refused the connection, timed out, or its host is unknown. */
public class UnreachableEndpointException extends CloudException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;

    public UnreachableEndpointException(String endpoint, String message, String fix, Throwable cause) {
        super(message, fix, cause);
        this.endpoint = endpoint;
    }

    /** Returns the address that did not respond, such as {@code http://127.0.0.1:5000}, or null when the SDK did not say. */
    public String endpoint() {
        return endpoint;
    }
}
