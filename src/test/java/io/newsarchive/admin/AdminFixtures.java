package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.testing.TestUsers;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Uploads made as the admin pages make them. */
public final class AdminFixtures {

    private AdminFixtures() {}

    /** Uploads one article file for a dry run as the first admin and waits for the run to complete; returns its id. */
    public static long dryRun(String article) {
        TestUsers.BrowserSession admin = TestUsers.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Response started = admin.request()
                .multiPart("csrf", admin.csrf())
                .multiPart("mode", "dry_run")
                .multiPart("file", "article.txt", article.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/admin/upload");
        assertEquals(303, started.statusCode(), started.body().asString());
        long runId = Long.parseLong(started.header("Location").replaceAll(".*/admin/runs/", ""));
        awaitFinished(admin, runId);
        return runId;
    }

    /** Waits until a run is no longer running; returns its status. */
    public static String awaitFinished(TestUsers.BrowserSession session, long runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String status = session.request()
                    .get("/admin/runs/" + runId + "/progress")
                    .jsonPath()
                    .getString("status");
            if (!"running".equals(status)) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("run " + runId + " did not finish within 30 s");
    }

    /**
     * A web run of {@code totalFiles} files recorded as running since {@code secondsAgo}, holding its lock as a live
     * run does (so it is not taken for interrupted) until closed; the test moves it on by {@link #stored}. Closing
     * ends it as completed.
     */
    public static final class RunningRun implements AutoCloseable {

        public final long id;
        private final Connection conn;

        public RunningRun(AgroalDataSource dataSource, String startedBy, int totalFiles, int secondsAgo)
                throws SQLException {
            conn = dataSource.getConnection();
            conn.setAutoCommit(true);
            try (PreparedStatement insert = conn.prepareStatement("""
                    insert into ingest_run (trigger, started_by, status, dry_run, started_at, total_files)
                    values ('web', ?, 'running', false, now() - make_interval(secs => ?), ?) returning id""")) {
                insert.setString(1, startedBy);
                insert.setInt(2, secondsAgo);
                insert.setInt(3, totalFiles);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            execute("select pg_advisory_lock(?)", id);
        }

        /**
         * Records the batches stored so far: {@code marks} pairs of (seconds ago, files done by then), oldest first;
         * the run's files done are the last pair's, all added.
         */
        public void stored(double... marks) throws SQLException {
            StringBuilder json = new StringBuilder("[");
            long now = System.currentTimeMillis();
            for (int i = 0; i < marks.length; i += 2) {
                json.append(i == 0 ? "" : ",")
                        .append('[')
                        .append(now - Math.round(marks[i] * 1000))
                        .append(',')
                        .append((long) marks[i + 1])
                        .append(']');
            }
            execute(
                    "update ingest_run set added = ?, progress_marks = ?::jsonb where id = ?",
                    marks.length == 0 ? 0 : (int) marks[marks.length - 1],
                    json.append(']').toString(),
                    id);
        }

        private void execute(String sql, Object... values) throws SQLException {
            try (PreparedStatement statement = conn.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.execute();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                execute("update ingest_run set status = 'completed', finished_at = now() where id = ?", id);
                execute("select pg_advisory_unlock(?)", id);
            } finally {
                conn.close();
            }
        }
    }
}
