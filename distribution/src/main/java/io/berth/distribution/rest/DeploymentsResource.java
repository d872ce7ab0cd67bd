package io.berth.distribution.rest;

import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.deployments.DeploymentOperations;
import io.berth.distribution.deployments.Operation;
import io.berth.distribution.deployments.ServerConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;

/** Plan, apply and destroy as background operations, each with an id and a status. */
@Path("/api/v1/deployments/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentsResource {

    @Inject
    ServerConfig config;

    @Inject
    DeploymentOperations operations;

    @Context
    UriInfo uri;

    /** The deployment's config summary and its operations, newest first. */
    @GET
    public Map<String, Object> get(@PathParam("name") String name) {
        DeploymentConfig deployment = config.deployment(name);
        List<Operation.View> history = operations.history(name);
        return Map.of(
                "deployment", deployment.deployment(),
                "region", deployment.region(),
                "mode", deployment.mode().id(),
                "operations", history);
    }

    @GET
    @Path("/operations/{id}")
    public Operation.View operation(@PathParam("name") String name, @PathParam("id") String id) {
        config.deployment(name);
        return operations.find(name, id)
                .orElseThrow(() -> new NotFoundException("no operation " + id + " for deployment " + name));
    }

    @POST
    @Path("/plan")
    public Response plan(@PathParam("name") String name) {
        return accepted(name, "plan");
    }

    @POST
    @Path("/apply")
    public Response apply(@PathParam("name") String name) {
        return accepted(name, "apply");
    }

    @POST
    @Path("/destroy")
    public Response destroy(@PathParam("name") String name) {
        return accepted(name, "destroy");
    }

    private Response accepted(String name, String kind) {
        Operation.View operation = operations.submit(config.deployment(name), kind);
        return Response.accepted(operation)
                .location(uri.getBaseUriBuilder().path("api/v1/deployments").path(name).path("operations").path(operation.id()).build())
                .build();
    }
}
