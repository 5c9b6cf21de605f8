package io.newsarchive.ingest;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.system.ApiError;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.Words;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The life of an ingest run row. A running run holds a session-level advisory lock keyed by its id on its own
 * connection; when its process dies the connection closes and the lock goes with it, so a run that is
 * {@code running} without its lock was interrupted. A run that failed because the database went away keeps its
 * reason in a file ({@code catalog.ingest.pending-failures-directory}) until a process reaches the database again.
 */
@ApplicationScoped
public class IngestRuns {

    private static final Logger LOG = Logger.getLogger(IngestRuns.class);
    /** {@code run-<id>-<start in microseconds>.txt}, holding the time of the failure, then its reason. */
    private static final Pattern PENDING = Pattern.compile("run-(\\d+)-(\\d+)\\.txt");
    /** Which runs are running without their lock: their process died, or their connection broke. */
    private static final String LOCK_GONE = """
            r.status = 'running' and not exists (
                select 1 from pg_locks l
                where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                  and l.database = (select oid from pg_database where datname = current_database())
                  and ((l.classid::bigint << 32) | l.objid::bigint) = r.id)""";
    /**
     * A run's status as readers see it: {@code interrupted} once its lock is gone, whether or not a writer has
     * marked it yet, so that reading never writes. Needs the run table as {@code r}.
     */
    static final String STATUS = "(case when " + LOCK_GONE + " then 'interrupted' else r.status end)";

    private static final String START_MICROS = "(extract(epoch from started_at) * 1000000)::bigint";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CatalogConfig config;

    /** When each run of this process started: with its id it names the run in this catalog and no other. */
    private final Map<Long, Long> startMicros = new ConcurrentHashMap<>();

    /** Inserts the run and takes its lock in one transaction, so no one ever sees it running without the lock. */
    long start(Connection conn, IngestRequest request, int totalFiles) throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into ingest_run (trigger, started_by, status, dry_run, started_at, total_files, upload_dir,
                                        commits_run, upload_names)
                values (?, ?, 'running', ?, clock_timestamp(), ?, ?, ?, ?) returning id, """ + START_MICROS)) {
            insert.setString(1, request.trigger().toString());
            insert.setString(2, request.startedBy());
            insert.setBoolean(3, request.dryRun());
            insert.setInt(4, totalFiles);
            insert.setString(5, request.uploadDir());
            insert.setObject(6, request.commitsRun());
            insert.setArray(
                    7,
                    request.uploadNames() == null
                            ? null
                            : conn.createArrayOf("text", request.uploadNames().toArray()));
            long id;
            long started;
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                started = rs.getLong(2);
            }
            if (!request.dryRun()) {
                // with the run itself, so that nothing is stored without its entry in the audit log
                AuditEvent.recordRun(conn, request.startedBy(), AuditAction.INGEST, id);
            }
            try (PreparedStatement lock = conn.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, id);
                lock.execute();
            }
            conn.commit();
            startMicros.put(id, started);
            return id;
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        }
    }

    /**
     * Takes a run that has ended off the dashboard's Needs attention list, with an audit event; dismissing it again
     * changes nothing. A running run cannot be dismissed (409): it may yet need attention.
     */
    public void dismiss(long runId, String user) {
        boolean changed = changeDismissal(
                user,
                AuditAction.RUN_DISMISS,
                runId,
                "update ingest_run r set dismissed_at = clock_timestamp(), dismissed_by = ? where r.id = ?"
                        + " and r.dismissed_at is null and " + STATUS + " <> 'running'",
                user,
                runId);
        if (!changed && running(runId)) {
            throw ApiError.failure(
                    Response.Status.CONFLICT,
                    "conflict",
                    "run " + runId + " is still running: it can be dismissed once it has ended",
                    null);
        }
    }

    /** Puts a dismissed run back on the Needs attention list (it shows there if it still needs attention). */
    public void undismiss(long runId, String user) {
        changeDismissal(
                user,
                AuditAction.RUN_UNDISMISS,
                runId,
                "update ingest_run r set dismissed_at = null, dismissed_by = null where r.id = ?"
                        + " and r.dismissed_at is not null",
                runId);
    }

    /** Runs the update and, when it changed the run, records who did so, in one transaction. */
    private boolean changeDismissal(String user, AuditAction action, long runId, String update, Object... values) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement statement = conn.prepareStatement(update)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                boolean changed = statement.executeUpdate() > 0;
                if (changed) {
                    AuditEvent.recordRun(conn, user, action, runId);
                }
                conn.commit();
                return changed;
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot change ingest run " + runId + ": " + e.getMessage(), e);
        }
    }

    private boolean running(long runId) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select =
                        conn.prepareStatement("select " + STATUS + " = 'running' from ingest_run r where r.id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest run " + runId + ": " + e.getMessage(), e);
        }
    }

    void complete(Connection conn, long runId) throws SQLException {
        conn.setAutoCommit(true);
        try (PreparedStatement update = conn.prepareStatement(
                "update ingest_run set status = 'completed', finished_at = clock_timestamp() where id = ?")) {
            update.setLong(1, runId);
            update.executeUpdate();
        }
    }

    /**
     * Records why a run stopped, on a fresh connection since the run's own may be the thing that broke. When the
     * database cannot take it, the reason waits in a file for whichever process reaches the database first.
     */
    void fail(long runId, String reason) {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement update = conn.prepareStatement("""
                     update ingest_run set status = 'failed', finished_at = clock_timestamp(), error = ?
                     where id = ? and status = 'running'""")) {
            update.setString(1, reason);
            update.setLong(2, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            Path file = pendingFailures().resolve("run-" + runId + "-" + startMicros.get(runId) + ".txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, Instant.now() + "\n" + reason);
                LOG.infof(
                        "run %d failed (%s); the database cannot take the reason now, so it waits in %s",
                        runId, reason, file);
            } catch (IOException io) {
                LOG.warnf(
                        "run %d failed (%s), and neither the database nor %s can take the reason: it will show as"
                                + " interrupted",
                        runId, reason, file);
            }
        }
    }

    void release(Connection conn, long runId) {
        startMicros.remove(runId);
        try (PreparedStatement unlock = conn.prepareStatement("select pg_advisory_unlock(?)")) {
            conn.setAutoCommit(true);
            unlock.setLong(1, runId);
            unlock.execute();
        } catch (SQLException e) {
            // a broken connection has already dropped the lock; the pool discards it
        }
    }

    /**
     * Marks runs on a schedule, for the reasons waiting in files: readers see interrupted runs without it. A database
     * that is away is told by the requests that need it; this waits for the next turn.
     */
    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            markInterrupted();
        } catch (IngestFailure e) {
            LOG.debugf("runs not marked this time: %s", e.getMessage());
        }
    }

    /** Whether a run is storing files now, in this process or another: one whose process died is not. */
    public boolean anyRunning() {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement select =
                        conn.prepareStatement("select exists (select from ingest_run r where r.status = 'running' and "
                                + STATUS + " = 'running')");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest runs: " + e.getMessage(), e);
        }
    }

    /**
     * Records the reasons of runs that failed while the database was away, then marks every other running run whose
     * lock is gone as interrupted; returns how many were. Writers call it: start-up, ingests, and the schedule.
     */
    public int markInterrupted() {
        try (Connection conn = dataSource.getConnection()) {
            recordPendingFailures(conn);
            try (PreparedStatement update =
                    conn.prepareStatement("update ingest_run r set status = 'interrupted' where " + LOCK_GONE)) {
                return update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest runs: " + e.getMessage(), e);
        }
    }

    /**
     * Records a waiting reason once its run has lost its lock (or was already marked interrupted), then removes its
     * file; the file of a run this catalog does not hold (another catalog's) stays.
     */
    private void recordPendingFailures(Connection conn) throws SQLException {
        Path dir = pendingFailures();
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            files = list.filter(f -> PENDING.matcher(f.getFileName().toString()).matches())
                    .toList();
        } catch (IOException e) {
            LOG.warnf("cannot read the reasons of failed runs in %s: %s", dir, e.getMessage());
            return;
        }
        for (Path file : files) {
            Matcher name = PENDING.matcher(file.getFileName().toString());
            name.matches();
            try (PreparedStatement update = conn.prepareStatement("update ingest_run r set status = 'failed',"
                            + " finished_at = ?::timestamptz, error = ? where r.id = ? and " + START_MICROS + " = ?"
                            + " and (r.status = 'interrupted' or " + LOCK_GONE + ")");
                    PreparedStatement status = conn.prepareStatement(
                            "select status from ingest_run where id = ? and " + START_MICROS + " = ?")) {
                String[] failure = Files.readString(file).split("\n", 2);
                update.setString(1, failure[0]);
                update.setString(2, failure[1]);
                update.setLong(3, Long.parseLong(name.group(1)));
                update.setLong(4, Long.parseLong(name.group(2)));
                update.executeUpdate();
                status.setLong(1, Long.parseLong(name.group(1)));
                status.setLong(2, Long.parseLong(name.group(2)));
                try (ResultSet rs = status.executeQuery()) {
                    if (rs.next() && Words.of(RunStatus.class, rs.getString(1)) != RunStatus.RUNNING) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                // another process recorded it and removed the file meanwhile
            }
        }
    }

    private Path pendingFailures() {
        return Path.of(config.ingest().pendingFailuresDirectory());
    }
}
