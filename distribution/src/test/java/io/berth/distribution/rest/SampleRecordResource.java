package io.berth.distribution.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A JSON endpoint that exists only in tests, to check how the admin API rejects bad JSON bodies
 * before endpoints with JSON bodies exist.
 */
@Path("/api/v1/test-samples")
public class SampleRecordResource {

    public record Sample(String name, int count, List<Bucket> buckets) {
    }

    public record Bucket(String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Sample echo(Sample sample) {
        return sample;
    }
}
