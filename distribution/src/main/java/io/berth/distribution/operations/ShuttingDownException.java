package io.berth.distribution.operations;

import io.berth.api.BerthException;

/** An operation was requested while the server is stopping. */
public class ShuttingDownException extends BerthException {
    private static final long serialVersionUID = 1L;

    public ShuttingDownException(String operation) {
        super("the server is stopping, so " + operation + " did not start", "run it again once the server is back");
    }
}
