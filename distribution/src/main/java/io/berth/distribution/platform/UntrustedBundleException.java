package io.berth.distribution.platform;

import io.berth.api.BerthException;

/** A bundle jar that no configured certificate signed and whose SHA-256 is not allow-listed. */
public class UntrustedBundleException extends BerthException {
    private static final long serialVersionUID = 1L;

    public UntrustedBundleException(String symbolicName, String reason) {
        super("bundle " + symbolicName + " is not installed because " + reason,
                "sign the jar with a certificate listed in admin.trust.certificates, or add its sha256 to admin.trust.sha256");
    }
}
