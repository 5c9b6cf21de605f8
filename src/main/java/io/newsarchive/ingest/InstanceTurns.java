package io.newsarchive.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Work that the service instances on one catalog do in turn, under a session-level advisory lock held on a connection
 * of its own while the work runs: a process that dies releases it with its connection. The two-key form keeps these
 * locks apart from the runs' own, which are keyed by the run's id alone.
 */
@ApplicationScoped
public class InstanceTurns {

    /** What takes turns; each is the first key of its locks. */
    public enum Turn {
        /** The check for an empty catalog and the ingest that follows it, so that only one instance ingests. */
        STARTUP_INGEST(1),
        /** Starts of runs over one upload and its deletion, so that each sees what the other did. */
        UPLOAD(2);

        private final int key;

        Turn(int key) {
            this.key = key;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /**
     * Runs {@code work} once no other instance (or thread) does the same turn for the same subject; a subject's
     * second key is its hash, so that two subjects of one hash merely wait for each other.
     */
    public <T> T inTurn(Turn turn, String subject, Supplier<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            lock(conn, "select pg_advisory_lock(?, hashtext(?))", turn, subject);
            try {
                return work.get();
            } finally {
                try {
                    lock(conn, "select pg_advisory_unlock(?, hashtext(?))", turn, subject);
                } catch (SQLException e) {
                    // a broken connection has already dropped the lock; the pool discards it
                }
            }
        } catch (SQLException e) {
            throw new IngestFailure("cannot take turns with the other instances: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection conn, String sql, Turn turn, String subject) throws SQLException {
        try (PreparedStatement lock = conn.prepareStatement(sql)) {
            lock.setInt(1, turn.key);
            lock.setString(2, subject);
            lock.execute();
        }
    }
}
