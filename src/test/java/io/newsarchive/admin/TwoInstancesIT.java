package io.newsarchive.admin;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.GeneratedUpload;
import io.newsarchive.testing.ServedApp;
import io.newsarchive.testing.TestUsers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances of the packaged service on one catalog, each on its own port, as two machines behind a load balancer
 * run them: started at once on an empty catalog, they create the first admin and ingest the start-up corpus once; an
 * upload made on one is stored once, even when both are asked to store it at the same moment, and its progress shows
 * on the other; failed sign-ins on one count on the other.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoInstancesIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "an admin's long password";
    /** Stored in one batch, so that the catalog is still empty until the start-up run's end. */
    private static final int CORPUS_FILES = 400;
    /** Stored in several batches of 500 (the default), so that the run is seen between two. */
    private static final int UPLOAD_ARTICLES = 3000;

    @TempDir
    Path dir;

    private Map<String, String> database;

    @AfterEach
    void restAssuredAsBefore() {
        RestAssured.reset();
    }

    @Test
    void twoInstancesOnOneCatalogBehaveAsOne() throws Exception {
        database = CatalogTestDatabase.freshDatabase();
        Path corpus = dir.resolve("corpus");
        for (int i = 0; i < CORPUS_FILES; i++) {
            CorpusFiles.write(
                    corpus,
                    "start-" + i + ".txt",
                    CorpusFiles.article("Start-up article " + i, CorpusFiles.uniqueUrl(), "Its one sentence."));
        }
        GeneratedUpload upload = GeneratedUpload.generate(dir.resolve("upload.zip"), UPLOAD_ARTICLES);

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<ServedApp>> starting = List.of(
                    both.submit(() -> startTogether(ready, corpus, 1)),
                    both.submit(() -> startTogether(ready, corpus, 2)));
            try (ServedApp one = starting.get(0).get(120, TimeUnit.SECONDS);
                    ServedApp two = starting.get(1).get(120, TimeUnit.SECONDS)) {
                assertEquals(1, count("select count(*) from app_user"), "one first admin");
                assertEquals(
                        1,
                        count("select count(*) from ingest_run where trigger = 'startup'"),
                        "the corpus is ingested by one of them");
                assertEquals(CORPUS_FILES, count("select count(*) from article"));

                failedSignInsCountOnBoth(one, two);
                anUploadIsStoredOnceAndFollowedFromTheOther(one, two, upload, both);
            }
        } finally {
            both.shutdownNow();
        }
    }

    private void failedSignInsCountOnBoth(ServedApp one, ServedApp two) {
        RestAssured.port = one.port();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    TestUsers.postSignIn(RestAssured.get("/signin"), "guessed", "wrong " + i)
                            .statusCode());
        }
        RestAssured.port = two.port();
        Response refused = TestUsers.postSignIn(RestAssured.get("/signin"), "guessed", "wrong again");
        assertEquals(429, refused.statusCode(), "the other instance counts the failures of the first");
        assertTrue(refused.body().asString().contains("Too many failed sign-ins"));
    }

    private void anUploadIsStoredOnceAndFollowedFromTheOther(
            ServedApp one, ServedApp two, GeneratedUpload upload, ExecutorService both) throws Exception {
        RestAssured.port = one.port();
        TestUsers.BrowserSession admin = TestUsers.signIn(ADMIN, ADMIN_PASSWORD);
        Response uploaded = admin.request()
                .multiPart("csrf", admin.csrf())
                .multiPart("mode", "dry_run")
                .multiPart("file", upload.zip().toFile(), "application/zip")
                .post("/admin/upload");
        long dryRun = runOf(uploaded);
        assertEquals("completed", awaitEnd(admin, two, dryRun), "the dry run made on one ends, seen from the other");

        // both instances are asked to store it at the same moment (a double click through a load balancer)
        CountDownLatch click = new CountDownLatch(2);
        Callable<Long> viaOne = () -> commit(admin, one, dryRun, click);
        Callable<Long> viaTwo = () -> commit(admin, two, dryRun, click);
        Future<Long> first = both.submit(viaOne);
        Future<Long> second = both.submit(viaTwo);
        long store = first.get(60, TimeUnit.SECONDS);
        assertEquals(store, second.get(60, TimeUnit.SECONDS), "both lead to one run");

        boolean seenUnderWay = false;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonPath progress = progress(admin, two, store);
            if (!"running".equals(progress.getString("status"))) {
                assertEquals("completed", progress.getString("status"));
                break;
            }
            seenUnderWay |=
                    progress.getInt("files_done") > 0 && progress.getInt("files_done") < progress.getInt("total_files");
            assertTrue(Instant.now().isBefore(deadline), "run " + store + " ends within 120 s");
            Thread.sleep(50);
        }
        assertTrue(seenUnderWay, "the other instance shows the run's progress while it is under way");

        assertEquals(1, count("select count(*) from ingest_run where commits_run = " + dryRun), "stored by one run");
        assertEquals(upload.files(), count("select count(*) from ingest_file where run_id = " + store));
        assertEquals(
                CORPUS_FILES + upload.distinct().size(),
                count("select count(*) from article"),
                "each different file of the upload is stored once");
        assertEquals(
                upload.distinct().size(),
                count("select count(distinct sha256) from article where ingest_run_id = " + store));
    }

    /** Starts an instance once both threads are here, so that the two start-ups overlap. */
    private ServedApp startTogether(CountDownLatch ready, Path corpus, int instance) throws Exception {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "catalog.startup-ingest.enabled",
                "true",
                "catalog.startup-ingest.path",
                corpus.toString(),
                "catalog.admin.user",
                ADMIN,
                "catalog.admin.password",
                ADMIN_PASSWORD,
                // the folder every instance mounts
                "catalog.uploads.directory",
                dir.resolve("uploads").toString(),
                "catalog.ingest.pending-failures-directory",
                dir.resolve("pending-" + instance).toString(),
                "quarkus.http.body.uploads-directory",
                dir.resolve("bodies-" + instance).toString()));
        ready.countDown();
        ready.await();
        return ServedApp.start(database, overrides, dir);
    }

    private static long commit(TestUsers.BrowserSession admin, ServedApp app, long dryRun, CountDownLatch click)
            throws InterruptedException {
        click.countDown();
        click.await();
        return runOf(admin.request()
                .port(app.port())
                .formParam("csrf", admin.csrf())
                .post("/admin/runs/" + dryRun + "/commit"));
    }

    private static long runOf(Response redirect) {
        assertEquals(303, redirect.statusCode(), redirect.body().asString());
        return Long.parseLong(redirect.header("Location").replaceAll(".*/admin/runs/", ""));
    }

    private static JsonPath progress(TestUsers.BrowserSession session, ServedApp app, long run) {
        return session.request()
                .port(app.port())
                .get("/admin/runs/" + run + "/progress")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String awaitEnd(TestUsers.BrowserSession session, ServedApp app, long run)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String status = progress(session, app, run).getString("status");
            if (!"running".equals(status)) {
                return status;
            }
            Thread.sleep(200);
        }
        return fail("run " + run + " did not end within 90 s");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"));
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
