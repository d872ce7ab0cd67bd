package io.berth.distribution.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the audit database's schema is migrated, so that no audited request is answered before events can be stored. */
@Readiness
@ApplicationScoped
public class AuditLogReadiness implements HealthCheck {

    @Inject
    AuditLog auditLog;

    @Override
    public HealthCheckResponse call() {
        AuditLog.Schema schema = auditLog.schema();
        var response = HealthCheckResponse.named("audit-log")
                .status(schema == AuditLog.Schema.MIGRATED)
                .withData("schema", schema.name().toLowerCase(java.util.Locale.ROOT))
                .withData("failedWrites", auditLog.failedWrites());
        if (auditLog.schemaError() != null) {
            response.withData("error", auditLog.schemaError());
        }
        return response.build();
    }
}
