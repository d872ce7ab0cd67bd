package io.berth.distribution.trust;

import io.berth.api.BerthException;

/** A file offered as a bundle is not a jar, or is a jar without a bundle's manifest. */
public class InvalidBundleException extends BerthException {
    private static final long serialVersionUID = 1L;

    public InvalidBundleException(String message, String fix) {
        super(message, fix);
    }

    public InvalidBundleException(String message, String fix, Throwable cause) {
        super(message, fix, cause);
    }
}
