package io.berth.distribution.platform;

/**
 * One installed bundle as the admin API and {@code berth bundles} show it.
 *
 * @param id           the framework's bundle id
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param state        INSTALLED, RESOLVED, STARTING, ACTIVE or STOPPING
 * @param origin       system, distribution or deploy-folder
 * @param location     the file it was installed from
 * @param problem      why it is not active, such as a missing requirement; null when it is fine
 */
public record BundleInfo(
        long id,
        String symbolicName,
        String version,
        String state,
        String origin,
        String location,
        String problem) {
}
