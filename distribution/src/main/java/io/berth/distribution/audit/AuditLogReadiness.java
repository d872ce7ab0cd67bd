package io.berth.distribution.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports DOWN until the audit database's schema is migrated. Until then the events of served
 * requests wait in the audit writer's queue.
 */
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
