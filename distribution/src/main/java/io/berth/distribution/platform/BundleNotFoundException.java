package io.berth.distribution.platform;

import io.berth.api.BerthException;

/** No bundle with the requested symbolic name is installed. */
public class BundleNotFoundException extends BerthException {
    private static final long serialVersionUID = 1L;

    public BundleNotFoundException(String symbolicName) {
        super("no bundle with the symbolic name " + symbolicName + " is installed", "GET /api/v1/bundles lists the installed bundles");
    }
}
