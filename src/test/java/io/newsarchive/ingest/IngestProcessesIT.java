package io.newsarchive.ingest;

import com.google.common.hash.Hashing;
import io.newsarchive.testing.AppProcess;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.newsarchive.testing.AppProcess.exitOf;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ingests by separate processes of the packaged app: at the same time, killed half way, without a database. */
class IngestProcessesIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() {
        CatalogTestDatabase.migrate();
    }

    @Test
    void twoProcessesIngestingTheSameFilesStoreEachFileOnce() throws Exception {
        List<String> shas = corpus(400);

        Process first = start("ingest", dir.toString());
        Process second = start("ingest", dir.toString());

        assertEquals(0, exitOf(first));
        assertEquals(0, exitOf(second));
        assertEquals(
                400,
                CatalogTestDatabase.count(
                        "select count(*) from article where file_name like 'proc_%' and sha256 = any('" + "{"
                                + String.join(",", shas) + "}'::text[])"));
        assertEquals(
                400,
                CatalogTestDatabase.count("select count(distinct sha256) from article where sha256 = any('" + "{"
                        + String.join(",", shas) + "}'::text[])"));
        assertEquals(
                800,
                CatalogTestDatabase.count("select sum(added + duplicate) from ingest_run where id in "
                        + "(select run_id from ingest_file where sha256 = '" + shas.get(0) + "')"));
    }

    @Test
    void aRunKilledHalfWayLeavesWholeArticlesAndShowsAsInterrupted() throws Exception {
        corpus(3000);
        long before = CatalogTestDatabase.count("select coalesce(max(id), 0) from ingest_run");

        Process victim = start("-Dcatalog.ingest.batch-files=20", "ingest", dir.toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (CatalogTestDatabase.count("select count(*) from ingest_file where run_id > " + before) < 100
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long run = CatalogTestDatabase.count("select min(id) from ingest_run where id > " + before);
        long stored = CatalogTestDatabase.count("select count(*) from article where ingest_run_id = " + run);
        assertTrue(stored > 0 && stored < 3000, "killed half way, after " + stored + " files");
        assertEquals(
                stored,
                CatalogTestDatabase.count(
                        "select count(*) from ingest_file where outcome = 'added' and run_id = " + run),
                "every stored article has its file result, and no result lacks its article");
        assertEquals(
                0,
                CatalogTestDatabase.count("select count(*) from article a where not exists "
                        + "(select 1 from article_original o where o.article_id = a.id)"),
                "every article has its original");

        Process resume = start("ingest", dir.toString());

        assertEquals(0, exitOf(resume));
        assertEquals("interrupted", text("select status from ingest_run where id = " + run));
        long resumed = CatalogTestDatabase.count("select max(id) from ingest_run");
        assertEquals(stored, CatalogTestDatabase.count("select duplicate from ingest_run where id = " + resumed));
        assertEquals(3000 - stored, CatalogTestDatabase.count("select added from ingest_run where id = " + resumed));
    }

    @Test
    void aRunWhoseDatabaseConnectionDiesEndsFailedWithWholeArticles() throws Exception {
        corpus(3000);
        long before = CatalogTestDatabase.count("select coalesce(max(id), 0) from ingest_run");
        Path log = dir.resolve("outage.log");
        Process ingest = AppProcess.start(
                CatalogTestDatabase.config(),
                Map.of("catalog.ingest.batch-files", "20"),
                log,
                "ingest",
                dir.toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (CatalogTestDatabase.count("select count(*) from ingest_file where run_id > " + before) < 100
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        long run = CatalogTestDatabase.count("select min(id) from ingest_run where id > " + before);

        // the run's own connection is the one holding the run's advisory lock
        assertEquals(
                1,
                CatalogTestDatabase.count(
                        "select count(pg_terminate_backend(pid)) from pg_locks where locktype = 'advisory' "
                                + "and objsubid = 1 and objid = " + run));

        assertEquals(2, exitOf(ingest), Files.readString(log));
        assertTrue(Files.readString(log).contains("ingest run " + run + " failed"), Files.readString(log));
        assertEquals("failed", text("select status from ingest_run where id = " + run));
        long stored = CatalogTestDatabase.count("select count(*) from article where ingest_run_id = " + run);
        assertTrue(stored > 0 && stored < 3000, "stopped half way, after " + stored + " files");
        assertEquals(
                stored,
                CatalogTestDatabase.count("select added from ingest_run where id = " + run),
                "the counts match what is stored");
        assertEquals(
                stored,
                CatalogTestDatabase.count(
                        "select count(*) from ingest_file where outcome = 'added' and run_id = " + run));
    }

    @Test
    void anUnreachableDatabaseExitsTwoWithOneLine() throws Exception {
        corpus(1);
        Process p = AppProcess.builder(
                        CatalogTestDatabase.config(),
                        Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/none"),
                        "ingest",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());

        assertEquals(2, exitOf(p), output);
        assertTrue(output.startsWith("catalog: cannot start:"), output);
        assertEquals(1, output.strip().lines().count(), "one line: " + output);
    }

    /** Writes n files with URLs of their own; returns their SHA-256s. */
    private List<String> corpus(int n) throws IOException {
        List<String> shas = new ArrayList<>();
        String filler = "The delegations met again on Thursday and agreed to continue the talks next week.";
        for (int i = 0; i < n; i++) {
            String text = article("Story " + i, uniqueUrl(), filler, filler + " " + i, "Closing line " + i + ".");
            Path file = CorpusFiles.write(dir, String.format("proc_%05d.txt", i), text);
            shas.add(sha256(file));
        }
        return shas;
    }

    private static String sha256(Path file) throws IOException {
        return Hashing.sha256()
                .hashBytes(java.nio.file.Files.readAllBytes(file))
                .toString();
    }

    /** Runs the app on the shared test database; {@code -Dkey=value} arguments become system properties. */
    private Process start(String... args) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-D")) {
                String[] kv = arg.substring(2).split("=", 2);
                overrides.put(kv[0], kv[1]);
            } else {
                rest.add(arg);
            }
        }
        return AppProcess.start(
                CatalogTestDatabase.config(),
                overrides,
                dir.resolve("process-" + System.nanoTime() + ".log"),
                rest.toArray(String[]::new));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = CatalogTestDatabase.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
