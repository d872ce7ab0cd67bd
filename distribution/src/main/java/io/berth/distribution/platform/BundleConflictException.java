package io.berth.distribution.platform;

import io.berth.api.BerthException;

/** A bundle change that clashes with a bundle the API does not manage, such as one of the distribution. */
public class BundleConflictException extends BerthException {
    private static final long serialVersionUID = 1L;

    public BundleConflictException(String message, String fix) {
        super(message, fix);
    }
}
