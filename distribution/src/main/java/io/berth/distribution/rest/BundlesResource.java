package io.berth.distribution.rest;

import io.berth.distribution.admin.AdminSettings;
import io.berth.distribution.audit.AuditTrail;
import io.berth.distribution.platform.BundleInfo;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.RejectedBundle;
import io.berth.distribution.platform.UploadResult;
import io.berth.distribution.trust.BundleJar;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The bundles installed in the embedded framework; an admin installs, updates and removes uploaded ones. */
@Path("/api/v1/bundles")
@Produces(MediaType.APPLICATION_JSON)
public class BundlesResource {

    /** The media type of a jar file. */
    public static final String JAVA_ARCHIVE = "application/java-archive";

    @Inject
    Platform platform;

    @Inject
    AdminSettings settings;

    @Inject
    AuditTrail auditTrail;

    @GET
    public List<BundleInfo> list() {
        return platform.bundles();
    }

    /** Jars found in the deploy folder or kept uploads that were not installed, with the reason. */
    @GET
    @Path("rejected")
    public List<RejectedBundle> rejected() {
        return platform.rejectedBundles();
    }

    @GET
    @Path("{symbolicName}")
    public BundleInfo get(@PathParam("symbolicName") String symbolicName) {
        return platform.bundle(symbolicName);
    }

    /**
     * Installs the jar in the body, or updates the uploaded bundle with its symbolic name, when
     * the trust policy trusts it. Returns 201 for a new bundle and 200 for an update.
     */
    @POST
    @Consumes(JAVA_ARCHIVE)
    public Response upload(InputStream body) {
        BundleJar jar = BundleJar.read(readBody(body));
        auditTrail.target(jar.symbolicName());

        UploadResult result = platform.upload(jar);
        auditTrail.detail((result.created() ? "installed " : "updated ") + jar + "; trusted because " + result.reason());
        if (result.created()) {
            return Response.created(URI.create("/api/v1/bundles/" + jar.symbolicName())).entity(result.bundle()).build();
        }
        return Response.ok(result.bundle()).build();
    }

    /** Uninstalls a bundle that was uploaded over the API. */
    @DELETE
    @Path("{symbolicName}")
    public BundleInfo remove(@PathParam("symbolicName") String symbolicName) {
        auditTrail.target(symbolicName);
        BundleInfo removed = platform.removeUploaded(symbolicName);
        auditTrail.detail("uninstalled " + removed.symbolicName() + " " + removed.version());
        return removed;
    }

    private byte[] readBody(InputStream body) {
        long maxBytes = settings.maxBundleBytes();
        try {
            // One byte past the limit distinguishes a body at the limit from a larger one.
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ProblemException(Problem.of("body-too-large", "Request body too large", 413,
                                "the bundle is larger than the maximum of " + maxBytes + " bytes")
                        .withField("body")
                        .withFix("raise admin.maxBundleBytes in berth.yaml to upload larger bundles"));
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the body could not be read: " + e.getMessage(), "send the jar again");
        }
    }
}
