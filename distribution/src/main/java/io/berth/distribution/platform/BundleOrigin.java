package io.berth.distribution.platform;

/** Where an installed bundle came from. */
public enum BundleOrigin {
    /** The framework itself. */
    SYSTEM,
    /** Shipped with the distribution. */
    DISTRIBUTION,
    /** Dropped into the deploy folder. */
    DEPLOY_FOLDER,
    /** Uploaded over the admin API, and kept in the data folder across restarts. */
    UPLOADED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
