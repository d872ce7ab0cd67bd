package io.berth.distribution.platform;

/**
 * A bundle installed or updated over the admin API.
 *
 * @param bundle  the bundle as installed, with its state after it was started
 * @param created whether it was installed new rather than updated
 * @param reason  why the trust policy trusted it
 */
public record UploadResult(BundleInfo bundle, boolean created, String reason) {
}
