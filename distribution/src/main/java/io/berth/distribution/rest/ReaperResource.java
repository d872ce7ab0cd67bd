package io.berth.distribution.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.api.InvalidConfigException;
import io.berth.distribution.clusters.Durations;
import io.berth.distribution.deployments.ServerConfig;
import io.berth.distribution.reaper.ReaperRun;
import io.berth.distribution.reaper.ReaperRuns;
import io.berth.distribution.reaper.ReaperSchedule;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reaper passes of the server's deployment: the latest ones, and a pass on request. */
@Path("/api/v1/reaper/runs")
@Produces(MediaType.APPLICATION_JSON)
public class ReaperResource {

    @Inject
    ReaperRuns runs;

    @Inject
    ReaperSchedule schedule;

    @Inject
    ServerConfig config;

    @Context
    UriInfo uri;

    /** Returns the schedule and the latest passes, newest first, each with its times, decisions and outcome. */
    @GET
    public Map<String, Object> list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schedule", schedule.interval().map(Durations::format).orElse(null));
        body.put("runs", runs.history());
        return body;
    }

    @GET
    @Path("{id}")
    public ReaperRun.View get(@PathParam("id") String id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("no reaper pass " + id + " is kept"));
    }

    /** Queues a pass and responds with 202 and the pass. With {@code {"dryRun": true}} it removes nothing. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response trigger(JsonNode body) {
        config.load();
        boolean dryRun = dryRun(body);
        ReaperRun.View run = runs.submit(ReaperRun.Trigger.API, dryRun);
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder().path("api/v1/reaper/runs").path(run.id()).build())
                .build();
    }

    private static boolean dryRun(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return false;
        }
        JsonNode value = body.get("dryRun");
        if (!body.isObject() || (value != null && !value.isBoolean())) {
            throw new InvalidConfigException("dryRun", "is not true or false", "send {\"dryRun\": true} or no body");
        }
        return value != null && value.booleanValue();
    }
}
