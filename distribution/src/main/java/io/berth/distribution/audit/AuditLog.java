package io.berth.distribution.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The audit log in the database: the embedded H2 file under the data folder, or PostgreSQL when
 * {@code admin.database.url} names one. One background thread first migrates the schema with
 * Flyway, then writes events in arrival order, so that the HTTP event loop never waits for the
 * database. Reads first wait for every event queued before them, and shutdown waits for the
 * queue to drain.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final long DRAIN_TIMEOUT_SECONDS = 10;

    private static final String INSERT = "INSERT INTO audit_event "
            + "(at, who, role, remote_address, method, path, target, status, outcome, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, at, who, role, remote_address, method, path, target, status, outcome, detail "
            + "FROM audit_event WHERE id < ? ORDER BY id DESC";

    /** Only the active datasource of the two is used; see LaunchSettings for how one is chosen. */
    @Inject
    @Any
    InjectableInstance<AgroalDataSource> dataSources;

    @Inject
    @Any
    InjectableInstance<Flyway> migrations;

    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "berth-audit-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong failedWrites = new AtomicLong();
    private volatile Schema schema = Schema.PENDING;
    private volatile String schemaError;

    /** The state of the schema migration. Events queued before it ends are written after it. */
    public enum Schema {
        PENDING, MIGRATED, FAILED
    }

    /** Queues the schema migration as the writer's first task; one-shot commands open no database. */
    void onStart(@Observes StartupEvent event) {
        if (serving) {
            writer.execute(this::migrate);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** Returns why the migration failed, or null. */
    public String schemaError() {
        return schemaError;
    }

    /** Queues an event; it is stored shortly after, in the order of the calls. */
    public void record(AuditEvent event) {
        writer.execute(() -> store(event));
    }

    /**
     * Returns stored events, newest first.
     *
     * @param limit    the maximum number of events
     * @param beforeId only events with a smaller id, for paging; {@link Long#MAX_VALUE} for the newest
     */
    public List<AuditEvent> list(int limit, long beforeId) {
        awaitQueued();
        List<AuditEvent> events = new ArrayList<>();
        try (Connection connection = dataSources.getActive().getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, beforeId);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("reading the audit log failed: " + e.getMessage(), e);
        }
        return events;
    }

    /** Returns how many events could not be stored since the server started. Each was logged as an error. */
    public long failedWrites() {
        return failedWrites.get();
    }

    /** Drains the queue before the datasources close, which happens after shutdown observers. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.errorf("audit events still queued after %d s at shutdown were not stored", DRAIN_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        writer.shutdownNow();
    }

    private void migrate() {
        try {
            var result = migrations.getActive().migrate();
            schema = Schema.MIGRATED;
            LOG.debugf("audit schema at version %s, %d migration(s) applied", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            schemaError = e.getMessage();
            schema = Schema.FAILED;
            LOG.errorf("migrating the audit database failed, so no audit event can be stored: %s", e.getMessage());
        }
    }

    private void store(AuditEvent event) {
        try (Connection connection = dataSources.getActive().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.at().atOffset(ZoneOffset.UTC));
            insert.setString(2, truncate(event.who(), 200));
            setNullable(insert, 3, event.role(), 20);
            setNullable(insert, 4, event.remoteAddress(), 100);
            insert.setString(5, truncate(event.method(), 16));
            insert.setString(6, truncate(event.path(), 2000));
            setNullable(insert, 7, event.target(), 500);
            insert.setInt(8, event.status());
            insert.setString(9, event.outcome());
            setNullable(insert, 10, event.detail(), 4000);
            insert.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            failedWrites.incrementAndGet();
            LOG.errorf("could not store the audit event %s: %s", event.summary(), e.getMessage());
        }
    }

    private void awaitQueued() {
        try {
            writer.submit(() -> { }).get(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("audit events queued before this read were not all stored within %d s", DRAIN_TIMEOUT_SECONDS);
        }
    }

    private static AuditEvent read(ResultSet row) throws SQLException {
        return new AuditEvent(
                row.getLong("id"),
                row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("who"),
                row.getString("role"),
                row.getString("remote_address"),
                row.getString("method"),
                row.getString("path"),
                row.getString("target"),
                row.getInt("status"),
                row.getString("outcome"),
                row.getString("detail"));
    }

    private static void setNullable(PreparedStatement statement, int index, String value, int maxLength)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, truncate(value, maxLength));
        }
    }

    private static String truncate(String value, int maxLength) {
        return value.length() <= maxLength ? value : value.substring(0, maxLength - 1) + "…";
    }
}
