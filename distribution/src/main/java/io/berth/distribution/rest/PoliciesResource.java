package io.berth.distribution.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.api.RoleKind;
import io.berth.api.config.DeploymentConfig;
import io.berth.distribution.config.ConfigLoader;
import io.berth.distribution.policies.PolicyDocuments;
import io.berth.distribution.policies.PolicyJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The IAM documents generated for the server's deployment, in the JSON form of
 * {@code berth policies --format json}. The deployment config is read on every request, so that
 * an edited file or a swapped bundle shows on the next one.
 */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    /** The setting that names the server's deployment config, which {@code berth serve --config} sets. */
    static final String CONFIG_SETTING = "berth.config";

    private static final Logger LOG = Logger.getLogger(PoliciesResource.class);

    @Inject
    PolicyDocuments documents;

    @ConfigProperty(name = CONFIG_SETTING)
    Optional<String> configFile;

    @GET
    public ObjectNode list() {
        return PolicyJson.roles(documents.generate(config()).roles());
    }

    @GET
    @Path("{kind}")
    public ObjectNode get(@PathParam("kind") String kind) {
        RoleKind roleKind = Arrays.stream(RoleKind.values())
                .filter(candidate -> candidate.id().equals(kind))
                .findFirst()
                .orElseThrow(() -> problem(Response.Status.NOT_FOUND, "Unknown role kind",
                        "there is no role kind '" + kind + "'",
                        "use one of " + Arrays.stream(RoleKind.values()).map(RoleKind::id).collect(Collectors.joining(", "))));
        return PolicyJson.role(documents.generate(config()).only(roleKind).roles().get(0));
    }

    private DeploymentConfig config() {
        String file = configFile.filter(value -> !value.isBlank()).orElseThrow(() -> {
            LOG.warnf("a request for IAM documents failed: the setting %s is not set", CONFIG_SETTING);
            return problem(Response.Status.CONFLICT, "No deployment config",
                    "the server has no deployment config, because the setting " + CONFIG_SETTING + " is not set",
                    "start the server with berth serve --config FILE, or set " + CONFIG_SETTING
                            + " (environment variable BERTH_CONFIG)");
        });
        return ConfigLoader.load(java.nio.file.Path.of(file));
    }

    /** Returns an RFC 9457 problem response in the shape {@link BerthExceptionMapper} uses. */
    private static WebApplicationException problem(Response.Status status, String title, String detail, String fix) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.getStatusCode());
        problem.put("detail", detail);
        problem.put("fix", fix);
        return new WebApplicationException(Response.status(status)
                .type(Problem.PROBLEM_JSON)
                .entity(problem)
                .build());
    }
}
