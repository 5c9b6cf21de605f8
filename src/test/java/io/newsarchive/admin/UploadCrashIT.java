package io.newsarchive.admin;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.GeneratedUpload;
import io.newsarchive.testing.ServedApp;
import io.newsarchive.testing.TestUsers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged service killed with SIGKILL while it stores an upload, one sent to {@code POST /api/ingest} and one
 * made on the upload page, then started again on the same database: the run shows {@code interrupted}, the same
 * upload runs again to the end (sent again to the API; "Run again over the same files" on the run's page), and
 * afterwards every file is stored exactly once, its original byte for byte the file; the request body's temporary
 * file does not stay behind.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class UploadCrashIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "an admin's long password";
    private static final String ARCHIVIST = "archivist";
    /** Distinct articles in the upload; a copy of every 100th and a revision of every 150th come on top. */
    private static final int ARTICLES = 3000;
    /** Small batches, so that a run commits often and the kill finds some files stored and most not yet. */
    private static final int BATCH_FILES = 50;

    private static final int KILL_AFTER_FILES = 300;

    @TempDir
    Path dir;

    private Map<String, String> database;
    private Map<String, String> overrides;
    private GeneratedUpload upload;

    @BeforeEach
    void catalogAndUpload() throws IOException {
        database = CatalogTestDatabase.freshDatabase();
        overrides = Map.of(
                "catalog.startup-ingest.enabled",
                "false",
                "catalog.admin.user",
                ADMIN,
                "catalog.admin.password",
                ADMIN_PASSWORD,
                "catalog.ingest.batch-files",
                String.valueOf(BATCH_FILES),
                "catalog.uploads.directory",
                dir.resolve("uploads").toString(),
                "catalog.ingest.pending-failures-directory",
                dir.resolve("pending").toString(),
                "quarkus.http.body.uploads-directory",
                bodies().toString());
        upload = GeneratedUpload.generate(dir.resolve("crash-upload.zip"), ARTICLES);
    }

    @AfterEach
    void restAssuredAsBefore() {
        RestAssured.reset();
    }

    @Test
    void anApiUploadKilledWhileStoringIsInterruptedAndSentAgainStoresEveryFileOnce() throws Exception {
        long run;
        Path body;
        try (ServedApp app = start()) {
            addArchivist();
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                Future<Response> sent = client.submit(this::apiUpload);
                run = awaitStoring("select max(id) from ingest_run where trigger = 'api'");
                body = onlyFile(bodies());
                app.kill();
                ExecutionException cut = assertThrows(
                        ExecutionException.class,
                        () -> sent.get(30, TimeUnit.SECONDS),
                        "the killed service sends no report");
                assertTrue(cut.getCause() instanceof IOException, "the connection broke: " + cut.getCause());
            } finally {
                client.shutdownNow();
            }
        }
        long storedBefore = assertWholeBatchesStored(run);
        assertTrue(Files.exists(body), "a kill leaves the request body's temporary file behind");
        // as if the service had stayed down for longer than the HTTP idle timeout (30 minutes): no live request
        // can still be writing it, which is how the service tells an abandoned body from one being received
        Files.setLastModifiedTime(body, FileTime.from(Instant.now().minus(Duration.ofMinutes(31))));

        try (ServedApp app = start()) {
            assertFalse(Files.exists(body), "the abandoned temporary file is deleted when the service starts");
            JsonPath interrupted = archivistApi()
                    .get("/api/ingest-runs/" + run)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals("interrupted", interrupted.getString("run.status"));
            assertEquals(
                    storedBefore, interrupted.getLong("run.counts.added") + interrupted.getLong("run.counts.revised"));
            assertEquals(upload.files(), interrupted.getInt("run.total_files"));
            awaitMarkedInterrupted(run);

            Response again = apiUpload();
            assertEquals(200, again.statusCode(), again.body().asString());
            JsonPath report = again.jsonPath();
            assertNotEquals(run, report.getLong("run.id"));
            assertEquals("completed", report.getString("run.status"));
            assertCountsOfTheRunAfter(
                    storedBefore,
                    report.getLong("run.counts.added"),
                    report.getLong("run.counts.revised"),
                    report.getLong("run.counts.duplicate"),
                    report.getLong("run.counts.rejected"));
            assertEquals(upload.files(), report.getList("files").size());
        }
        assertEveryFileStoredOnce();
        awaitNoFileIn(bodies(), "the second upload's request body is deleted when its request ends");
        System.out.printf(
                "UploadCrashIT: API run %d killed after %d of %d articles were stored; sent again, the"
                        + " catalog holds each of its %d different files (%d in the zip) once%n",
                run, storedBefore, upload.distinct().size(), upload.distinct().size(), upload.files());
    }

    @Test
    void aWebUploadKilledWhileStoringIsInterruptedAndRunAgainStoresEveryFileOnce() throws Exception {
        TestUsers.BrowserSession archivist;
        long dryRun;
        long store;
        try (ServedApp app = start()) {
            archivist = addArchivist();
            Response uploaded = archivist
                    .request()
                    .multiPart("csrf", archivist.csrf())
                    .multiPart("mode", "dry_run")
                    .multiPart("file", upload.zip().toFile(), "application/zip")
                    .post("/admin/upload");
            assertEquals(303, uploaded.statusCode(), uploaded.body().asString());
            dryRun = runOf(uploaded);
            assertEquals("completed", awaitEnd(archivist, dryRun));

            Response committed =
                    archivist.request().formParam("csrf", archivist.csrf()).post("/admin/runs/" + dryRun + "/commit");
            assertEquals(303, committed.statusCode(), committed.body().asString());
            store = runOf(committed);
            assertEquals(store, awaitStoring("select max(id) from ingest_run where not dry_run"));
            app.kill();
        }
        long storedBefore = assertWholeBatchesStored(store);
        long filesDone = count("select count(*) from ingest_file where run_id = " + store);

        try (ServedApp app = start()) {
            // the session is kept in the database: the archivist is still signed in after the restart
            String page = archivist
                    .request()
                    .get("/admin/runs/" + store)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(page.contains("INTERRUPTED: " + filesDone + " files in all"), page);
            assertTrue(page.contains("action=\"/admin/runs/" + store + "/retry\""), "the page offers to run it again");
            assertEquals("interrupted", progress(archivist, store).getString("status"));
            assertTrue(
                    archivist.request().get("/admin/runs").asString().contains("<tr class=\"status-interrupted\">"),
                    "the list of runs shows it interrupted");
            assertEquals(
                    "interrupted",
                    archivistApi().get("/api/ingest-runs/" + store).jsonPath().getString("run.status"));

            Response retried =
                    archivist.request().formParam("csrf", archivist.csrf()).post("/admin/runs/" + store + "/retry");
            assertEquals(303, retried.statusCode(), retried.body().asString());
            long again = runOf(retried);
            assertNotEquals(store, again);
            Response twice =
                    archivist.request().formParam("csrf", archivist.csrf()).post("/admin/runs/" + store + "/retry");
            assertEquals(again, runOf(twice), "a second click leads to the same run, not to another");

            assertEquals("completed", awaitEnd(archivist, again));
            JsonPath counts = progress(archivist, again);
            assertCountsOfTheRunAfter(
                    storedBefore,
                    counts.getLong("counts.added"),
                    counts.getLong("counts.revised"),
                    counts.getLong("counts.duplicate"),
                    counts.getLong("counts.rejected"));
            assertTrue(archivist
                    .request()
                    .get("/admin/runs/" + again)
                    .asString()
                    .contains("stores the files of dry run <a href=\"/admin/runs/" + dryRun + "\">"));
            assertTrue(
                    archivist
                            .request()
                            .get("/admin/runs/" + dryRun)
                            .asString()
                            .contains("These files have been stored"),
                    "the dry run counts as stored now");
        }
        assertEveryFileStoredOnce();
        assertEquals(List.of(), files(bodies()), "no request body stays behind: the page keeps uploads elsewhere");
        System.out.printf(
                "UploadCrashIT: web run %d killed after %d of %d articles were stored; run again, the"
                        + " catalog holds each of its %d different files (%d in the zip) once%n",
                store, storedBefore, upload.distinct().size(), upload.distinct().size(), upload.files());
    }

    // --- the service, its users and its runs

    private ServedApp start() throws IOException, InterruptedException {
        ServedApp app = ServedApp.start(database, overrides, dir);
        RestAssured.port = app.port();
        return app;
    }

    /** Adds the archivist on the users page as the first admin, and signs in as them. */
    private TestUsers.BrowserSession addArchivist() {
        TestUsers.BrowserSession admin = TestUsers.signIn(ADMIN, ADMIN_PASSWORD);
        Response added = admin.request()
                .formParam("username", ARCHIVIST)
                .formParam("role", "archivist")
                .formParam("password", TestUsers.PASSWORD)
                .formParam("csrf", admin.csrf())
                .post("/admin/users");
        assertEquals(303, added.statusCode(), added.body().asString());
        return TestUsers.signIn(ARCHIVIST, TestUsers.PASSWORD);
    }

    private static io.restassured.specification.RequestSpecification archivistApi() {
        return given().auth().preemptive().basic(ARCHIVIST, TestUsers.PASSWORD);
    }

    /** The whole zip to the API, which answers when the run has ended. */
    private Response apiUpload() {
        return archivistApi()
                .multiPart("file", upload.zip().toFile(), "application/zip")
                .post("/api/ingest");
    }

    private static long runOf(Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.body().asString());
        return Long.parseLong(redirect.header("Location").replaceAll(".*/admin/runs/", ""));
    }

    private static JsonPath progress(TestUsers.BrowserSession session, long run) {
        return session.request()
                .get("/admin/runs/" + run + "/progress")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the run is no longer running (at most 90 s); returns its status. */
    private static String awaitEnd(TestUsers.BrowserSession session, long run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String status = progress(session, run).getString("status");
            if (!"running".equals(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        return fail("run " + run + " did not end within 90 s");
    }

    /**
     * Waits until the run the query names has stored at least {@link #KILL_AFTER_FILES} files and is still running
     * (at most 60 s); returns its id.
     */
    private long awaitStoring(String runQuery) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            long run = count("select coalesce((" + runQuery + "), 0)");
            if (run > 0 && count("select count(*) from ingest_file where run_id = " + run) >= KILL_AFTER_FILES) {
                assertEquals(
                        "running",
                        text("select status from ingest_run where id = " + run),
                        "the run is still storing when it is killed");
                return run;
            }
            Thread.sleep(20);
        }
        return fail("no run stored " + KILL_AFTER_FILES + " files within 60 s");
    }

    /** The marking at start-up or the schedule after it (every 10 s) writes what readers computed. */
    private void awaitMarkedInterrupted(long run) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"interrupted".equals(text("select status from ingest_run where id = " + run))) {
            assertTrue(Instant.now().isBefore(deadline), "the service marks run " + run + " interrupted within 30 s");
            Thread.sleep(200);
        }
    }

    // --- what is stored

    /**
     * Checks that the killed run left whole batches: each stored article with its original and its file result, the
     * run's counts those of its file results, some files stored and most not; returns how many articles are stored.
     */
    private long assertWholeBatchesStored(long run) throws SQLException {
        long stored = count("select count(*) from article");
        assertTrue(
                stored > 0 && stored < upload.distinct().size() / 2,
                "killed while storing, after " + stored + " articles");
        assertEquals(stored, count("select count(*) from article where ingest_run_id = " + run));
        assertEquals(
                stored,
                count("select count(*) from ingest_file where outcome in ('added', 'revised') and run_id = " + run),
                "every stored article has its file result, and no result lacks its article");
        assertEquals(stored, count("select count(*) from article_original"), "every article has its original");
        assertEquals(
                count("select count(*) from ingest_file where run_id = " + run),
                count("select added + duplicate + revised + rejected from ingest_run where id = " + run),
                "the run's counts are those of its file results");
        assertEquals(0, count("select count(*) from ingest_file where run_id = " + run + " and outcome = 'rejected'"));
        return stored;
    }

    /** The run over the same files after {@code storedBefore} articles were stored: it stores all the others. */
    private void assertCountsOfTheRunAfter(long storedBefore, long added, long revised, long duplicate, long rejected) {
        long left = upload.distinct().size() - storedBefore;
        assertEquals(left, added + revised, "the files not stored yet are stored now");
        assertEquals(upload.files() - left, duplicate, "the files stored before, and the copies, are duplicates");
        assertEquals(0, rejected);
    }

    /** One article per distinct file, its original byte for byte that file, and the versions of each URL in order. */
    private void assertEveryFileStoredOnce() throws SQLException {
        assertEquals(upload.distinct().size(), count("select count(*) from article"), "one article per distinct file");
        Set<String> originals = new HashSet<>(strings("select encode(sha256(o.content), 'hex') from article_original o"
                + " join article a on a.id = o.article_id where a.sha256 = encode(sha256(o.content), 'hex')"));
        assertEquals(upload.distinct().size(), originals.size(), "each original is its article's bytes, none twice");
        assertEquals(upload.distinct(), originals, "the originals are the files, byte for byte");
        assertEquals(upload.revisions(), count("select count(*) from article where version = 2"));
        assertEquals(
                0,
                count("select count(*) from (select normalized_url from article group by normalized_url"
                        + " having count(*) filter (where latest) <> 1 or max(version) <> count(*)"
                        + " or count(distinct version) <> count(*)) broken"),
                "each URL's versions 1..n, the last the latest");
    }

    private Path bodies() {
        return dir.resolve("bodies");
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.toList();
        }
    }

    private static Path onlyFile(Path folder) throws IOException {
        List<Path> files = files(folder);
        assertEquals(1, files.size(), "one request body in " + folder + ": " + files);
        return files.get(0);
    }

    private static void awaitNoFileIn(Path folder, String message) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!files(folder).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), files(folder), message);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"),
                database.get("quarkus.datasource.password"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        List<String> values = strings(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
