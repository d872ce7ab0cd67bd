package io.berth.aws.internal;

import io.berth.api.BerthException;
import io.berth.api.CloudDiagnostics;
import io.berth.api.DiagnosticCheck;
import io.berth.api.config.DeploymentConfig;
import io.berth.aws.AwsClients;
import io.berth.aws.AwsErrors;
import io.berth.aws.UnreachableEndpointException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointParams;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The checks of {@code berth doctor} that need the SDK: region, endpoint, credentials and the
 * caller identity, the last through the same clients every other bundle uses.
 */
@Component(service = CloudDiagnostics.class)
public final class AwsDiagnostics implements CloudDiagnostics {

    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String CREDENTIALS = "credentials";
    static final String CALLER_IDENTITY = "caller identity";

    @Reference
    AwsClients clients;

    @Override
    public List<DiagnosticCheck> check(Optional<DeploymentConfig> config) {
        DeploymentConfig deployment = config.orElse(null);
        List<DiagnosticCheck> checks = new ArrayList<>();

        Region region = null;
        try {
            Regions.ResolvedRegion resolved = Regions.resolve(deployment);
            region = resolved.region();
            checks.add(DiagnosticCheck.passed(REGION, region.id() + " (from " + resolved.source() + ")"));
        } catch (BerthException e) {
            checks.add(failed(REGION, e));
        }

        String endpoint;
        try {
            endpoint = describeEndpoint(region);
        } catch (BerthException e) {
            checks.add(failed(ENDPOINT, e));
            checks.add(notChecked(CREDENTIALS, "the AWS endpoint or HTTP settings are invalid"));
            checks.add(notChecked(CALLER_IDENTITY, "the AWS endpoint or HTTP settings are invalid"));
            return checks;
        }

        boolean credentialsFound;
        DiagnosticCheck credentials;
        try {
            credentials = DiagnosticCheck.passed(CREDENTIALS, clients.credentialSource());
            credentialsFound = true;
        } catch (BerthException e) {
            credentials = failed(CREDENTIALS, e);
            credentialsFound = false;
        }

        if (region == null || !credentialsFound) {
            checks.add(DiagnosticCheck.passed(ENDPOINT, endpoint));
            checks.add(credentials);
            checks.add(notChecked(CALLER_IDENTITY, region == null ? "no valid region" : "no credentials"));
            return checks;
        }

        try {
            GetCallerIdentityResponse identity = AwsErrors.call("sts:GetCallerIdentity",
                    () -> clients.sts(deployment).getCallerIdentity());
            checks.add(DiagnosticCheck.passed(ENDPOINT, endpoint + ", responds"));
            checks.add(credentials);
            checks.add(DiagnosticCheck.passed(CALLER_IDENTITY,
                    "account " + identity.account() + ", " + identity.arn()));
        } catch (UnreachableEndpointException e) {
            checks.add(DiagnosticCheck.failed(ENDPOINT, endpoint + ": " + e.getMessage(), e.fix()));
            checks.add(credentials);
            checks.add(notChecked(CALLER_IDENTITY, "the endpoint does not respond"));
        } catch (BerthException e) {
            checks.add(DiagnosticCheck.passed(ENDPOINT, endpoint + ", responds"));
            checks.add(credentials);
            checks.add(failed(CALLER_IDENTITY, e));
        }
        return checks;
    }

    private String describeEndpoint(Region region) {
        Optional<URI> configured = clients.endpointOverride();
        if (configured.isPresent()) {
            return configured.get() + " (from " + Endpoints.source() + ")";
        }
        if (region == null) {
            return "AWS's own endpoints";
        }
        URI sts = StsEndpointProvider.defaultProvider()
                .resolveEndpoint(StsEndpointParams.builder().region(region).build())
                .join()
                .url();
        return "AWS's own endpoints, such as " + sts;
    }

    private static DiagnosticCheck failed(String name, BerthException e) {
        return DiagnosticCheck.failed(name, e.getMessage(), e.fix());
    }

    private static DiagnosticCheck notChecked(String name, String reason) {
        return DiagnosticCheck.failed(name, "not checked: " + reason, "fix the checks above first");
    }
}
