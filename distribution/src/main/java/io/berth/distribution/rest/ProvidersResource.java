package io.berth.distribution.rest;

import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ServiceTypeStatus;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Each service type with its active provider and the alternatives. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {

    @Inject
    Platform platform;

    @GET
    public List<ServiceTypeStatus> list() {
        return platform.providers().status();
    }
}
