package io.berth.distribution.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.Cluster;
import io.berth.api.ClusterNotFoundException;
import io.berth.api.ClusterRequest;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.clusters.ClusterRequests;
import io.berth.distribution.clusters.ClusterService;
import io.berth.distribution.clusters.ClusterView;
import io.berth.distribution.deployments.ServerConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Worker clusters of the server's deployment, under {@code /api/v1/clusters}. Each request reads
 * the clusters from their tags, so a restarted server finds every one.
 */
@Path("/api/v1/clusters")
@Produces(MediaType.APPLICATION_JSON)
public class ClustersResource {

    /** The fields a start request may have; any other is reported rather than ignored. */
    private static final Set<String> START_FIELDS =
            Set.of("name", "instanceTypes", "count", "spot", "idleTimeout", "maxLifetime", "mode");

    @Inject
    ServerConfig config;

    @Inject
    ClusterService clusters;

    @Context
    UriInfo uri;

    @GET
    public Map<String, Object> list() {
        DeploymentConfig deployment = config.load();
        List<ClusterView> running = clusters.fleet(deployment).list(deployment).stream().map(ClusterView::of).toList();
        return Map.of("deployment", deployment.deployment(), "clusters", running);
    }

    @GET
    @Path("{name}")
    public ClusterView get(@PathParam("name") String name) {
        DeploymentConfig deployment = config.load();
        return clusters.fleet(deployment).list(deployment).stream()
                .filter(cluster -> cluster.name().equals(name))
                .reduce((first, second) -> second)
                .map(ClusterView::of)
                .orElseThrow(() -> new ClusterNotFoundException(name, deployment.deployment()));
    }

    /**
     * Starts a cluster from a body such as {@code {"name": "etl", "instanceTypes": ["m5.large"], "count": 3}},
     * with optional {@code spot}, {@code idleTimeout}, {@code maxLifetime} and {@code mode}.
     * Responds with 201 and the cluster, or with 400 and a problem document naming the invalid field.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonNode body) {
        ClusterRequest request = request(body);
        DeploymentConfig deployment = config.load();
        Cluster cluster = clusters.fleet(deployment).start(deployment, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/clusters").path(cluster.name()).build())
                .entity(ClusterView.of(cluster))
                .build();
    }

    @DELETE
    @Path("{name}")
    public Response stop(@PathParam("name") String name) {
        DeploymentConfig deployment = config.load();
        clusters.fleet(deployment).stop(deployment, name);
        return Response.noContent().build();
    }

    /** Records that the cluster is in use now, which restarts its idle timeout. */
    @POST
    @Path("{name}/activity")
    public ClusterView recordActivity(@PathParam("name") String name) {
        DeploymentConfig deployment = config.load();
        return ClusterView.of(clusters.fleet(deployment).recordActivity(deployment, name));
    }

    private static ClusterRequest request(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidConfigException("(body)", "is not a JSON object",
                    "send an object such as {\"name\": \"etl\", \"instanceTypes\": [\"m5.large\"], \"count\": 3}");
        }
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!START_FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidConfigException(unknown.iterator().next(), "is not a field of a cluster request",
                    "use only " + String.join(", ", new TreeSet<>(START_FIELDS)));
        }
        return ClusterRequests.of(text(body, "name"), instanceTypes(body), count(body), flag(body, "spot"),
                text(body, "idleTimeout"), text(body, "maxLifetime"), text(body, "mode"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidConfigException(field, "is not a string", "send " + field + " as a JSON string");
        }
        return value.asText();
    }

    private static List<String> instanceTypes(JsonNode body) {
        JsonNode value = body.get("instanceTypes");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidConfigException("instanceTypes", "is not a list",
                    "send a list of instance types, such as [\"m5.large\", \"m5a.large\"]");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : value) {
            if (!type.isTextual()) {
                throw new InvalidConfigException("instanceTypes", "contains " + type + ", which is not a string",
                        "send instance type names, such as \"m5.large\"");
            }
            types.add(type.asText());
        }
        return types;
    }

    private static Integer count(JsonNode body) {
        JsonNode value = body.get("count");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidConfigException("count", value + " is not a whole number", "send a number such as 3");
        }
        return value.intValue();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidConfigException(field, value + " is not true or false", "send " + field + " as true or false");
        }
        return value.booleanValue();
    }
}
