package io.berth.distribution.doctor;

import io.berth.api.CloudDiagnostics;
import io.berth.api.DiagnosticCheck;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.RulesConfig;
import io.berth.distribution.platform.BundleInfo;
import io.berth.distribution.platform.Platform;
import io.berth.distribution.platform.ServiceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checks behind {@code berth doctor}. The cloud checks come from the AWS bundle through
 * {@link CloudDiagnostics}; the rule engine and bundle checks need only the host.
 */
@ApplicationScoped
public class HostDiagnostics {

    static final Duration OPA_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Platform platform;

    /** The compiled company rules the embedded engine loads. */
    @ConfigProperty(name = "berth.rules.bundle", defaultValue = "policies/bundle.tar.gz")
    Path embeddedBundle;

    /** Runs every check in the order {@code berth doctor} prints them. */
    public List<DiagnosticCheck> run(Optional<DeploymentConfig> config) {
        List<DiagnosticCheck> checks = new ArrayList<>(cloud(config));
        checks.add(ruleEngine(config));
        checks.add(bundles());
        return checks;
    }

    public List<DiagnosticCheck> cloud(Optional<DeploymentConfig> config) {
        CloudDiagnostics diagnostics;
        try {
            diagnostics = platform.providers().service(ServiceType.DIAGNOSTICS, CloudDiagnostics.class);
        } catch (IllegalStateException e) {
            String detail = "not checked: no " + ServiceType.DIAGNOSTICS.id() + " service, so the io.berth.aws bundle is not active";
            String fix = "run berth bundles to see why io.berth.aws is not active";
            return List.of(
                    DiagnosticCheck.failed("region", detail, fix),
                    DiagnosticCheck.failed("endpoint", detail, fix),
                    DiagnosticCheck.failed("credentials", detail, fix),
                    DiagnosticCheck.failed("caller identity", detail, fix));
        }
        return diagnostics.check(config);
    }

    public DiagnosticCheck ruleEngine(Optional<DeploymentConfig> config) {
        String name = "rule engine";
        if (config.isEmpty()) {
            return DiagnosticCheck.passed(name, "not checked: no config (pass --config FILE to check rules.engine)");
        }
        RulesConfig rules = config.get().rules();
        return switch (rules.engine()) {
            case "opa" -> opaServer(name, rules.opaUrl());
            case "embedded" -> embeddedBundle(name);
            default -> DiagnosticCheck.failed(name, "rules.engine '" + rules.engine() + "' is unknown",
                    "set rules.engine in the config file to embedded or opa");
        };
    }

    private DiagnosticCheck opaServer(String name, String opaUrl) {
        URI health;
        try {
            health = URI.create(opaUrl.replaceAll("/+$", "") + "/health");
        } catch (IllegalArgumentException e) {
            return DiagnosticCheck.failed(name, "rules.opaUrl '" + opaUrl + "' is not a URL",
                    "set rules.opaUrl in the config file to the OPA server's address, such as http://127.0.0.1:8181");
        }
        String fix = "start OPA with `opa run --server --addr " + health.getAuthority()
                + " policies/berth policies/data`, or correct rules.opaUrl in the config file";
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(OPA_TIMEOUT).build();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(OPA_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return DiagnosticCheck.passed(name, "opa at " + opaUrl + ", /health returns 200");
            }
            return DiagnosticCheck.failed(name, "opa at " + opaUrl + ": /health returned HTTP " + response.statusCode(),
                    "see the OPA server's log for why /health fails");
        } catch (HttpTimeoutException e) {
            return DiagnosticCheck.failed(name, "opa at " + opaUrl + " did not respond within "
                    + OPA_TIMEOUT.toSeconds() + " s", fix);
        } catch (ConnectException e) {
            return DiagnosticCheck.failed(name, "opa at " + opaUrl + " did not respond: connection refused", fix);
        } catch (IOException e) {
            return DiagnosticCheck.failed(name, "opa at " + opaUrl + " did not respond: "
                    + (e.getMessage() == null ? "I/O error" : e.getMessage()), fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DiagnosticCheck.failed(name, "interrupted while calling opa at " + opaUrl, fix);
        }
    }

    private DiagnosticCheck embeddedBundle(String name) {
        Path bundle = embeddedBundle.toAbsolutePath().normalize();
        if (Files.isRegularFile(bundle)) {
            return DiagnosticCheck.passed(name, "embedded, compiled rules in " + bundle);
        }
        return DiagnosticCheck.failed(name, "embedded, but the compiled rules " + bundle + " are missing",
                "build them with policies/build.sh, or set rules.engine to opa in the config file");
    }

    public DiagnosticCheck bundles() {
        String name = "bundles";
        List<BundleInfo> all = platform.bundles();
        List<String> broken = all.stream()
                .filter(bundle -> !"system".equals(bundle.origin()) && !"ACTIVE".equals(bundle.state()))
                .map(bundle -> bundle.symbolicName() + " " + bundle.state()
                        + (bundle.problem() == null ? "" : " (" + bundle.problem() + ")"))
                .toList();
        List<String> missing = platform.providers().missingTypes().stream().map(ServiceType::id).toList();
        if (broken.isEmpty() && missing.isEmpty()) {
            return DiagnosticCheck.passed(name, all.size() + " bundles active, every service has a provider");
        }
        List<String> problems = new ArrayList<>();
        if (!broken.isEmpty()) {
            problems.add("not active: " + String.join("; ", broken));
        }
        if (!missing.isEmpty()) {
            problems.add("no provider for: " + missing.stream().collect(Collectors.joining(", ")));
        }
        return DiagnosticCheck.failed(name, String.join("; ", problems),
                "run berth bundles for details; remove or replace a deploy-folder bundle that does not resolve, "
                        + "or rebuild the distribution with ./mvnw package");
    }
}
