package io.newsarchive.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The life of an ingest run row. A running run holds a session-level advisory lock keyed by its id on its own
 * connection; when its process dies the connection closes and the lock goes with it, so a run that is
 * {@code running} without its lock was interrupted.
 */
@ApplicationScoped
public class IngestRuns {

    private static final Logger LOG = Logger.getLogger(IngestRuns.class);

    @Inject
    AgroalDataSource dataSource;

    /** Inserts the run and takes its lock in one transaction, so no one ever sees it running without the lock. */
    long start(Connection conn, IngestRequest request, int totalFiles) throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement insert = conn.prepareStatement("""
                insert into ingest_run (trigger, started_by, status, dry_run, started_at, total_files, upload_dir,
                                        commits_run)
                values (?, ?, 'running', ?, clock_timestamp(), ?, ?, ?) returning id""")) {
            insert.setString(1, request.trigger().name());
            insert.setString(2, request.startedBy());
            insert.setBoolean(3, request.dryRun());
            insert.setInt(4, totalFiles);
            insert.setString(5, request.uploadDir());
            insert.setObject(6, request.commitsRun());
            long id;
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            if (!request.dryRun()) {
                // with the run itself, so that nothing is stored without its entry in the audit log
                try (PreparedStatement audit = conn.prepareStatement(
                        "insert into audit_event (username, action, run_id) values (?, 'ingest', ?)")) {
                    audit.setString(1, request.startedBy());
                    audit.setLong(2, id);
                    audit.executeUpdate();
                }
            }
            try (PreparedStatement lock = conn.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, id);
                lock.execute();
            }
            conn.commit();
            return id;
        } catch (SQLException e) {
            conn.rollback();
            throw e;
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

    /** Records why a run stopped, on a fresh connection since the run's own may be the thing that broke. */
    void fail(long runId, String reason) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement update = conn.prepareStatement("""
                     update ingest_run set status = 'failed', finished_at = clock_timestamp(), error = ?
                     where id = ? and status = 'running'""")) {
            update.setString(1, reason);
            update.setLong(2, runId);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("run %d failed (%s) and could not be marked failed: %s; it will show as interrupted",
                    runId, reason, e.getMessage());
        }
    }

    void release(Connection conn, long runId) {
        try (PreparedStatement unlock = conn.prepareStatement("select pg_advisory_unlock(?)")) {
            conn.setAutoCommit(true);
            unlock.setLong(1, runId);
            unlock.execute();
        } catch (SQLException e) {
            // a broken connection has already dropped the lock; the pool discards it
        }
    }

    /** Marks every running run whose lock is gone as interrupted; returns how many. */
    public int markInterrupted() {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement update = conn.prepareStatement("""
                     update ingest_run r set status = 'interrupted'
                     where r.status = 'running' and not exists (
                         select 1 from pg_locks l
                         where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                           and l.database = (select oid from pg_database where datname = current_database())
                           and ((l.classid::bigint << 32) | l.objid::bigint) = r.id)""")) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IngestFailure("cannot read ingest runs: " + e.getMessage(), e);
        }
    }
}
