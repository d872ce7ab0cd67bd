/**
 * Services that Berth's bundles provide or call, and the plan model they exchange.
 * Plain records and interfaces only: no AWS SDK or framework types cross this boundary.
 */
@Export
@Version("1.2.0")
package io.berth.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
