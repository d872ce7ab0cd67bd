package io.berth.distribution.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.distribution.audit.AuditEvent;
import io.berth.distribution.audit.AuditLog;
import io.berth.distribution.audit.AuditTrail;
import io.berth.distribution.rest.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Guards the admin API at the HTTP layer, before any resource is chosen or any body is read:
 * every request outside {@code /q/} needs a bearer token whose role the {@link RoleTable} allows,
 * and a declared body within the configured size. Every request that changes something and every
 * request that ends with an error status is recorded in the audit log.
 *
 * <p>It is a Vert.x filter rather than a JAX-RS filter because it must also see the requests that
 * no JAX-RS resource answers, such as unknown paths and bodies the HTTP layer refuses, so that
 * each of them is authenticated and audited in the same way.
 */
@ApplicationScoped
public class ApiGuard {

    private static final Logger LOG = Logger.getLogger(ApiGuard.class);

    /** Runs before Quarkus's own filters, which have priorities in the hundreds. */
    private static final int PRIORITY = 10_000;
    private static final String OPEN_PREFIX = "/q/";
    private static final String BUNDLES = "/api/v1/bundles";

    @Inject
    AdminSettings settings;

    @Inject
    AuditLog auditLog;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith(OPEN_PREFIX) || path.equals("/q")) {
            context.next();
            return;
        }
        String method = context.request().method().name();
        context.addHeadersEndHandler(ignored -> audit(context, method, path));

        Optional<Problem> rejection = authorize(context, method, path).or(() -> checkBodySize(context, method, path));
        if (rejection.isPresent()) {
            reject(context, rejection.get());
            return;
        }
        context.next();
    }

    private Optional<Problem> authorize(RoutingContext context, String method, String path) {
        TokenAuthenticator tokens = settings.tokens();
        if (!tokens.hasTokens()) {
            return Optional.of(AccessProblems.noTokensConfigured(settings.configFile().isPresent()));
        }
        Optional<String> token = TokenAuthenticator.bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty()) {
            return Optional.of(AccessProblems.missingToken());
        }
        Optional<Caller> caller = tokens.authenticate(token.get());
        if (caller.isEmpty()) {
            context.put(AuditTrail.WHO, "unknown-token");
            return Optional.of(AccessProblems.invalidToken());
        }
        AuditTrail.caller(context, caller.get());
        Role required = RoleTable.requiredRole(method, path);
        if (!caller.get().role().includes(required)) {
            return Optional.of(AccessProblems.roleTooLow(caller.get(), required, method, path));
        }
        return Optional.empty();
    }

    private Optional<Problem> checkBodySize(RoutingContext context, String method, String path) {
        boolean bundleUpload = path.equals(BUNDLES) || path.startsWith(BUNDLES + "/");
        long maxBytes = bundleUpload ? settings.maxBundleBytes() : settings.maxBodyBytes();
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            boolean chunked = context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
            // A bundle upload counts its bytes as it reads them; other bodies must declare their size.
            return chunked && !bundleUpload ? Optional.of(AccessProblems.lengthRequired()) : Optional.empty();
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length > maxBytes ? Optional.of(AccessProblems.bodyTooLarge(length, maxBytes, bundleUpload)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(AccessProblems.invalidContentLength(declared));
        }
    }

    private void reject(RoutingContext context, Problem problem) {
        AuditTrail.detail(context, problem.detail());
        var response = context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", AccessProblems.wwwAuthenticate(problem));
        }
        if (problem.status() == 413 || problem.status() == 411) {
            // The body was not read, so the connection cannot carry another request.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        try {
            response.end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.end();
        }
    }

    private void audit(RoutingContext context, String method, String path) {
        int status = context.response().getStatusCode();
        if (!RoleTable.isMutating(method) && status < 400) {
            return;
        }
        Caller caller = context.get(AuditTrail.CALLER);
        String who = caller != null ? caller.name() : context.get(AuditTrail.WHO, "anonymous");
        var remote = context.request().remoteAddress();
        AuditEvent event = new AuditEvent(0, Instant.now(), who, caller == null ? null : caller.role().id(),
                remote == null ? null : remote.hostAddress(), method, path,
                context.get(AuditTrail.TARGET), status, AuditEvent.outcomeOf(status),
                context.get(AuditTrail.DETAIL));
        auditLog.record(event);
        if (status == 401 || status == 403) {
            LOG.debugf("refused %s", event.summary());
        }
    }
}
