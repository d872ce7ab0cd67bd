package io.berth.distribution.audit;

import io.berth.distribution.admin.Caller;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What the audit record of the current request contains beyond method, path and status: the caller,
 * the target and the detail. Resources and error mappers add to it, and the record is written when
 * the response's headers are sent.
 */
@ApplicationScoped
public class AuditTrail {

    /** Routing context keys of the notes, read when the audit record is written. */
    public static final String CALLER = "berth.audit.caller";
    public static final String WHO = "berth.audit.who";
    public static final String TARGET = "berth.audit.target";
    public static final String DETAIL = "berth.audit.detail";

    @Inject
    CurrentVertxRequest currentRequest;

    /** Names what the current request acts on, such as a bundle's symbolic name. */
    public void target(String target) {
        context().ifPresent(context -> target(context, target));
    }

    /** Says what the current request did, or why it failed. */
    public void detail(String detail) {
        context().ifPresent(context -> detail(context, detail));
    }

    /** Returns the holder of the current request's token, when it had a valid one. */
    public Optional<Caller> caller() {
        return context().map(context -> context.get(CALLER));
    }

    public static void caller(RoutingContext context, Caller caller) {
        context.put(CALLER, caller);
    }

    public static void target(RoutingContext context, String target) {
        context.put(TARGET, target);
    }

    public static void detail(RoutingContext context, String detail) {
        context.put(DETAIL, detail);
    }

    private Optional<RoutingContext> context() {
        return Optional.ofNullable(currentRequest.getCurrent());
    }
}
