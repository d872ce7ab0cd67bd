/**
 * The deployment configuration read from {@code berth.yaml}, as immutable records.
 */
@Export
@Version("1.2.0")
package io.berth.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
