package io.berth.distribution.rest;

import io.berth.api.ActiveProviders;
import io.berth.api.DeploymentTemplate;
import io.berth.api.SetupService;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.deployments.DeploymentOperations;
import io.berth.distribution.deployments.Operation;
import io.berth.distribution.deployments.ServerConfig;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.templates.TemplateFormat;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
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

    @Inject
    Platform platform;

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

    /**
     * Returns the deployment as a CloudFormation template, the same document as {@code berth template}.
     * Findings at or above {@code rules.failOn} give a 422 problem that lists them.
     *
     * @param format {@code json} (the default) or {@code yaml}
     */
    @GET
    @Path("/template")
    @Produces({MediaType.APPLICATION_JSON, "application/yaml", "application/problem+json"})
    public Response template(@PathParam("name") String name, @QueryParam("format") @DefaultValue("json") String format) {
        TemplateFormat templateFormat;
        try {
            templateFormat = TemplateFormat.fromId(format);
        } catch (IllegalArgumentException e) {
            return Problems.response(400, "Invalid format", e.getMessage(),
                    "use ?format=json or ?format=yaml");
        }
        DeploymentConfig deployment = config.deployment(name);
        ActiveProviders providers = platform.providers().activeFor(deployment);
        DeploymentTemplate template = platform.setup()
                .template(deployment, providers);
        return Response.ok(templateFormat.write(template.document()), templateFormat.mediaType()).build();
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
