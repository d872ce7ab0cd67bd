/**
 * AWS clients for Berth's bundles, built the same way for every caller: the SDK's default
 * credential and region chains, {@code AWS_ENDPOINT_URL}, retries, and the operation recorder.
 */
@Export
@Version("1.3.0")
package io.berth.aws;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
