package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.account.Role;
import io.newsarchive.account.Sessions;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.IngestRequest;
import io.newsarchive.ingest.IngestService;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.Trigger;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploading on the admin pages: the dry-run report, storing it, the per-file results and the upload limits; a run's
 * live progress and what its page names, in headless Chromium.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class RunsPageTest {

    /** A rate of nothing, which a running run's line must never show. */
    private static final Pattern NO_RATE = Pattern.compile("\\b0(\\.0)? files per second");

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    private static final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    @Inject
    UploadCleanup cleanup;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestService ingest;

    @Test
    void aRunningRunSaysWhatItIsDoingAndGivesARateAndTimeLeftOnlyOnceTheyMeanSomething() throws Exception {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        signIn(TestUsers.signIn(archivist, TestUsers.PASSWORD));
        List<String> seen = new ArrayList<>();
        try (AdminFixtures.RunningRun run = new AdminFixtures.RunningRun(dataSource, archivist, 3000, 8)) {
            browser.open("/admin/runs/" + run.id);
            String reading = progressText(seen);
            assertTrue(reading.startsWith("RUNNING: reading and checking the first files of 3,000, "), reading);
            assertFalse(reading.contains("per second") || reading.contains("left"), reading);
            assertTrue(
                    browser.getPageSource().contains("<noscript><meta http-equiv=\"refresh\" content=\"2\">"),
                    "without scripts the page loads itself again");

            // the first batch is stored: counted, but one batch tells no rate (it was read with nothing ahead)
            run.stored(1, 500);
            wait.until(d -> progressText(seen).contains("500 of 3,000 files"));
            String one = progressText(seen);
            assertTrue(one.matches("RUNNING: 500 of 3,000 files after \\d+ s; checking the next ones\\."), one);

            // a second batch 5.6 s later: 89 files a second, 2,000 files left
            run.stored(6.6, 500, 1, 1000);
            wait.until(d -> progressText(seen).contains("1,000 of 3,000"));
            String rated = progressText(seen);
            assertTrue(
                    rated.matches(
                            "RUNNING: 1,000 of 3,000 files after \\d+ s, 89 files per second, about \\d+ s left\\."),
                    rated);
            assertEquals("1,000", browser.findElement(By.id("count-added")).getText(), "the counts follow too");
            HeadlessChromium.screenshot(browser, "run-progress");

            // loaded again (as without scripts), the page says the same
            browser.open("/admin/runs/" + run.id);
            assertTrue(progressText(seen).startsWith("RUNNING: 1,000 of 3,000 files after "), seen.toString());
        }
        wait.until(d -> progressText(seen).startsWith("COMPLETED: 1,000 files in all"));
        assertEquals(
                List.of(),
                seen.stream().filter(line -> NO_RATE.matcher(line).find()).toList(),
                "no line says a rate of nothing: " + seen);
    }

    @Test
    void aRunsPageNamesItsUploadAndTheHeadlineOfEachFilesArticle() throws IOException {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String headline = "Council votes " + CatalogFixtures.uniqueWord();
        byte[] zip = CorpusFiles.zip(Map.of(
                "a.txt", article(headline, uniqueUrl(), "Text.").getBytes(StandardCharsets.UTF_8),
                "b.txt", "no date\n\nhttps://example.com/b\nText.\n".getBytes(StandardCharsets.UTF_8)));
        Response started = archivist
                .request()
                .multiPart("csrf", archivist.csrf())
                .multiPart("mode", "store")
                .multiPart("file", "council-2024.zip", zip, "application/zip")
                .post("/admin/upload");
        long run = Long.parseLong(started.header("Location").replaceAll(".*/", ""));
        assertEquals("completed", AdminFixtures.awaitFinished(archivist, run));
        assertEquals(
                List.of("council-2024.zip"),
                asAdmin().get("/api/ingest-runs/" + run).jsonPath().getList("run.upload_names"));

        signIn(archivist);
        browser.open("/admin/runs/" + run);
        String meta = browser.findElement(By.cssSelector("p.meta")).getText();
        assertTrue(meta.contains(" with the upload council-2024.zip; finished "), meta);
        assertEquals(
                List.of(headline, ""),
                browser.findElements(By.cssSelector("table.files tbody td.headline")).stream()
                        .map(WebElement::getText)
                        .toList(),
                "the stored file's row has its headline, the rejected one's none");
        HeadlessChromium.screenshot(browser, "run-headlines");

        // stored again from the command line (or by a run from before names were kept): no upload to name
        long cli = ingestedWithoutUpload(article("Elsewhere " + CatalogFixtures.uniqueWord(), uniqueUrl(), "Text."));
        browser.open("/admin/runs/" + cli);
        assertFalse(browser.findElement(By.cssSelector("p.meta")).getText().contains("upload"));
    }

    /**
     * On a phone each file of a run is a card whose cells say what they are, problems included, so that a page of
     * 200 files stays about as long as on a wide screen (squeezed into a table, the file names took three letters a
     * line); the list of runs is cards too, and neither scrolls sideways.
     */
    @Test
    void onAPhoneARunsFilesAreCardsAndItsPageStaysShort() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 250; i++) {
            String content = i % 25 == 0
                    ? "A headline\nyesterday\nnot an address\nText.\n"
                    : article("Phone run " + i, uniqueUrl(), "Sentence " + i + ".");
            entries.put(String.format("reports/2024/story-%05d.txt", i), content.getBytes(StandardCharsets.UTF_8));
        }
        int run = TestUsers.asAdmin()
                .multiPart("file", "phone.zip", CorpusFiles.zip(entries), "application/zip")
                .post("/api/ingest?dry_run=true")
                .then()
                .statusCode(200)
                .extract()
                .path("run.id");
        browser.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        try {
            HeadlessChromium.phone(browser);
            browser.open("/admin/runs/" + run);
            List<WebElement> rows = browser.findElements(By.cssSelector("table.files tbody tr"));
            assertEquals(200, rows.size());
            WebElement rejected = browser.findElement(By.cssSelector("table.files tr.outcome-rejected"));
            assertEquals("block", rejected.getCssValue("display"), "a card");
            assertEquals(
                    "\"Outcome\"",
                    script(
                            "return getComputedStyle(arguments[0], '::before').content",
                            rejected.findElement(By.cssSelector("td[data-label=Outcome]"))),
                    "each cell says what it is");
            long width = ((Number) script("return document.documentElement.clientWidth")).longValue();
            WebElement problems = rejected.findElement(By.cssSelector("ul.problems"));
            assertTrue(problems.getText().contains("line 2"), problems.getText());
            assertTrue(
                    problems.getRect().getX() + problems.getRect().getWidth() <= width, "the problems are not cut off");
            int tableTop =
                    browser.findElement(By.cssSelector("table.files")).getRect().getY();
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            assertTrue((height - tableTop) / rows.size() < 150, "px per file: " + (height - tableTop) / rows.size());
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));
            HeadlessChromium.screenshot(browser, "run-phone");

            browser.open("/admin/runs");
            assertEquals(
                    "block",
                    browser.findElement(By.cssSelector("table.runs tbody tr")).getCssValue("display"));
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));
            HeadlessChromium.screenshot(browser, "runs-phone");

            HeadlessChromium.desktop(browser);
            browser.open("/admin/runs/" + run);
            assertEquals(
                    "table-row",
                    browser.findElement(By.cssSelector("table.files tbody tr")).getCssValue("display"));
            HeadlessChromium.screenshot(browser, "run-desktop");
        } finally {
            HeadlessChromium.desktop(browser);
            browser.manage().deleteAllCookies();
        }
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    @Test
    void theOldAddressesOfRunsLeadToTheNewOnes() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        Response moved = archivist.request().get("/admin/jobs/7?show=rejected");
        assertEquals(301, moved.statusCode());
        assertTrue(moved.header("Location").endsWith("/admin/runs/7?show=rejected"), moved.header("Location"));
    }

    @Test
    void byDefaultEveryArchivistMayUseAnotherArchivistsUpload() {
        TestUsers.BrowserSession uploader = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        TestUsers.BrowserSession colleague = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        long dryRun = upload(uploader, "dry_run", Map.of("bad.txt", "No date\n\nhttps://example.com/x\nText.\n"));
        assertEquals("completed", AdminFixtures.awaitFinished(uploader, dryRun));
        assertEquals(
                200,
                colleague
                        .request()
                        .get("/admin/runs/" + dryRun + "/rejected.zip")
                        .statusCode());
        assertTrue(colleague
                .request()
                .get("/admin/runs/" + dryRun)
                .body()
                .asString()
                .contains("rejected.zip"));
    }

    @Test
    void aDryRunReportsEveryFileStoresNothingAndIsThenStoredOnRequest() throws IOException {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        String word = CatalogFixtures.uniqueWord();
        String good = article("A good " + word, uniqueUrl(), "The " + word + " story.");
        String bad = "A headline without a date\n\nhttps://example.com/x\nText.\n";
        long dryRun = upload(archivist, "dry_run", Map.of("good.txt", good, "bad.txt", bad));
        assertEquals("completed", AdminFixtures.awaitFinished(archivist, dryRun));
        assertEquals(0, matches(word), "a dry run stores nothing");

        String page = archivist.request().get("/admin/runs/" + dryRun).body().asString();
        assertTrue(page.contains("Store these files"), page);
        assertTrue(page.contains("line 2"), "the problem is named with its line");

        List<CSVRecord> all = csv(archivist, dryRun, "all");
        assertEquals(
                List.of("bad.txt", "good.txt"),
                all.stream().map(r -> r.get("name")).toList());
        assertEquals(
                List.of("rejected", "added"),
                all.stream().map(r -> r.get("outcome")).toList());
        assertTrue(
                all.get(0).get("problems").contains("error: line 2:"),
                all.get(0).get("problems"));
        assertEquals(
                List.of("bad.txt"),
                csv(archivist, dryRun, "rejected").stream()
                        .map(r -> r.get("name"))
                        .toList());

        Map<String, byte[]> rejected = unzip(archivist
                .request()
                .get("/admin/runs/" + dryRun + "/rejected.zip")
                .asByteArray());
        assertEquals(List.of("00001-bad.txt", "00001-bad.txt.what-to-fix.txt"), List.copyOf(rejected.keySet()));
        assertArrayEquals(bad.getBytes(StandardCharsets.UTF_8), rejected.get("00001-bad.txt"));
        assertTrue(
                new String(rejected.get("00001-bad.txt.what-to-fix.txt"), StandardCharsets.UTF_8).contains("line 2"));

        // clicks in quick succession: all lead to the one run that stores the files
        ExecutorService clicking = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Response>> clicks = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(
                        () -> archivist
                                .request()
                                .contentType("application/x-www-form-urlencoded")
                                .formParam("csrf", archivist.csrf())
                                .post("/admin/runs/" + dryRun + "/commit"),
                        clicking))
                .toList();
        Response commit = clicks.get(0).join();
        assertEquals(303, commit.statusCode());
        assertEquals(
                Collections.nCopies(4, commit.header("Location")),
                clicks.stream().map(c -> c.join().header("Location")).toList());
        clicking.shutdown();
        long stored = Long.parseLong(commit.header("Location").replaceAll(".*/", ""));
        assertEquals("completed", AdminFixtures.awaitFinished(archivist, stored));
        assertEquals(1, matches(word));
        assertEquals(
                dryRun, asAdmin().get("/api/ingest-runs/" + stored).jsonPath().getLong("run.commits_run"));
        long audited = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("action = ?1 and runId = ?2", AuditAction.INGEST, stored));
        assertEquals(1, audited);
        String attention = archivist.request().get("/admin").body().asString();
        assertTrue(attention.contains("Run #" + stored + "</a>"), "the stored run rejected bad.txt: " + attention);
        assertFalse(attention.contains("Run #" + dryRun + "</a>"), "its dry run needs no attention of its own");

        Response again = archivist
                .request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", archivist.csrf())
                .post("/admin/runs/" + dryRun + "/commit");
        assertTrue(again.header("Location").endsWith("/admin/runs/" + stored), "a dry run is stored once");
    }

    @Test
    void anUploadIsDeletedOnceItsRunsEndedLongerAgoThanItIsKept() throws Exception {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        long run = upload(archivist, "dry_run", Map.of("bad.txt", "no date\n\nhttps://example.com/y\nText.\n"));
        AdminFixtures.awaitFinished(archivist, run);
        String upload = QuarkusTransaction.requiringNew().call(() -> (String) AuditEvent.getEntityManager()
                .createNativeQuery("select upload_dir from ingest_run where id = ?1")
                .setParameter(1, run)
                .getSingleResult());
        assertTrue(Files.isDirectory(Path.of(upload)));
        assertFalse(cleanup.deleteExpired().contains(upload), "kept for 30 days by default");
        QuarkusTransaction.requiringNew()
                .run(() -> AuditEvent.getEntityManager()
                        .createNativeQuery(
                                "update ingest_run set finished_at = now() - interval '31 days' where id = ?1")
                        .setParameter(1, run)
                        .executeUpdate());
        assertTrue(cleanup.deleteExpired().contains(upload));
        assertFalse(Files.exists(Path.of(upload)));
        String page = archivist.request().get("/admin/runs/" + run).body().asString();
        assertTrue(page.contains("bad.txt") && !page.contains("rejected.zip"), "the report stays, the download goes");
        assertEquals(
                404,
                archivist.request().get("/admin/runs/" + run + "/rejected.zip").statusCode());
    }

    @Test
    void aZipBombIsRefusedBeforeAnythingIsKept() throws IOException {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        byte[] bomb = CorpusFiles.zip(Map.of("zeros.txt", new byte[20_000_000]));
        long kept = keptUploads();
        Response answer = archivist
                .request()
                .multiPart("csrf", archivist.csrf())
                .multiPart("file", "bomb.zip", bomb, "application/zip")
                .post("/admin/upload");
        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().asString().contains("bomb.zip"), answer.body().asString());
        assertTrue(answer.body().asString().contains("zip bomb"));
        assertEquals(kept, keptUploads());
        Response api =
                asAdmin().multiPart("file", "bomb.zip", bomb, "application/zip").post("/api/ingest");
        assertEquals(413, api.statusCode());
        assertEquals("file", api.jsonPath().getString("parameter"));
    }

    @Test
    void aZipThatDeclaresLessThanItHoldsIsRefused() throws IOException {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        byte[] zip = CorpusFiles.zip(Map.of("zeros.txt", new byte[5_000_000]));
        // the central directory's uncompressed size (offset 24 of its entry) says 10 bytes
        int central = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
        ByteBuffer.wrap(zip, central + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(10);
        long kept = keptUploads();
        Response answer = archivist
                .request()
                .multiPart("csrf", archivist.csrf())
                .multiPart("file", "lying.zip", zip, "application/zip")
                .post("/admin/upload");
        assertEquals(413, answer.statusCode());
        assertTrue(
                answer.body().asString().contains("holds more than the zip"),
                answer.body().asString());
        assertEquals(kept, keptUploads());
    }

    @Test
    void aFileNameLongerThanFileSystemsAllowIsShortened() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        long run = upload(
                archivist, "dry_run", Map.of("x".repeat(300) + ".txt", article("Long name", uniqueUrl(), "Text.")));
        AdminFixtures.awaitFinished(archivist, run);
        String page = archivist.request().get("/admin/runs/" + run).body().asString();
        assertTrue(page.contains(">" + "x".repeat(50) + "….txt<"), page);
    }

    @Test
    void aZipEntryPointingOutsideIsRejectedAndNothingIsWrittenThere() throws IOException {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        byte[] hostile = CorpusFiles.zip(Map.of(
                "../../escaped.txt", article("Escaped", uniqueUrl(), "Text.").getBytes(StandardCharsets.UTF_8)));
        Response started = archivist
                .request()
                .multiPart("csrf", archivist.csrf())
                .multiPart("mode", "store")
                .multiPart("file", "hostile.zip", hostile, "application/zip")
                .post("/admin/upload");
        long run = Long.parseLong(started.header("Location").replaceAll(".*/", ""));
        AdminFixtures.awaitFinished(archivist, run);
        List<CSVRecord> files = csv(archivist, run, "all");
        assertEquals("rejected", files.get(0).get("outcome"));
        assertTrue(
                files.get(0).get("problems").contains("points outside the archive"),
                files.get(0).get("problems"));
        assertFalse(Files.exists(Path.of("target/escaped.txt")) || Files.exists(Path.of("escaped.txt")));
    }

    @Test
    void tooManyFilesInOneUploadAreRefusedWithTheLimit() {
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        RequestSpecification request = archivist.request().multiPart("csrf", archivist.csrf());
        for (int i = 0; i < 1001; i++) {
            request.multiPart("file", "f" + i + ".txt", new byte[] {'x'}, "text/plain");
        }
        Response answer = request.post("/admin/upload");
        assertEquals(413, answer.statusCode());
        assertTrue(
                answer.body().asString().contains("at most 1000"), answer.body().asString());
        // beyond what the HTTP server itself parses (quarkus.http.limits.max-parameters)
        RequestSpecification huge = asAdmin();
        for (int i = 0; i < 4001; i++) {
            huge.multiPart("file", "f" + i + ".txt", new byte[] {'x'}, "text/plain");
        }
        Response api = huge.post("/api/ingest");
        assertEquals(413, api.statusCode());
        assertEquals("file", api.jsonPath().getString("parameter"));
        assertTrue(
                api.jsonPath().getString("message").contains("at most 1000"),
                api.body().asString());
    }

    static long upload(TestUsers.BrowserSession session, String mode, Map<String, String> files) {
        RequestSpecification request =
                session.request().multiPart("csrf", session.csrf()).multiPart("mode", mode);
        files.forEach((name, content) ->
                request.multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "text/plain"));
        Response answer = request.post("/admin/upload");
        assertEquals(303, answer.statusCode(), answer.body().asString());
        return Long.parseLong(answer.header("Location").replaceAll(".*/", ""));
    }

    private static int matches(String word) {
        return asAdmin().queryParam("q", word).get("/api/articles").jsonPath().getInt("total");
    }

    private static List<CSVRecord> csv(TestUsers.BrowserSession session, long run, String show) throws IOException {
        String text = session.request()
                .queryParam("show", show)
                .get("/admin/runs/" + run + "/files.csv")
                .asString();
        return CsvRecords.of(text);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static long keptUploads() throws IOException {
        Path dir = Path.of("target/uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int i = bytes.length - part.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** Lets the browser use the session. */
    private void signIn(TestUsers.BrowserSession session) {
        browser.open("/signin");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie(Sessions.COOKIE, session.cookie()));
    }

    /** The run page's progress line, noted in {@code seen}; null while the page loads itself again. */
    private static String progressText(List<String> seen) {
        try {
            String text = browser.findElement(By.id("progress-text")).getText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(text)) {
                seen.add(text);
            }
            return text;
        } catch (WebDriverException reloading) {
            return "";
        }
    }

    /** A run of the ingest service that no upload started; returns its id. */
    private long ingestedWithoutUpload(String file) {
        try (InputFiles input = InputFiles.of(List.of(write(file)), List.of("cli.txt"))) {
            return ingest.ingest(input, new IngestRequest(Trigger.CLI, "test", false), IngestProgress.NONE);
        }
    }

    private static Path write(String file) {
        try {
            return Files.writeString(Files.createTempFile("cli", ".txt"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
