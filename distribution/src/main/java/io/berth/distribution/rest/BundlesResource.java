package io.berth.distribution.rest;

import io.berth.distribution.platform.BundleInfo;
import io.berth.distribution.platform.Platform;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The bundles installed in the embedded framework. */
@Path("/api/v1/bundles")
@Produces(MediaType.APPLICATION_JSON)
public class BundlesResource {

    @Inject
    Platform platform;

    @GET
    public List<BundleInfo> list() {
        return platform.bundles();
    }
}
