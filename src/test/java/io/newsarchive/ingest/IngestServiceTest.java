package io.newsarchive.ingest;

import io.newsarchive.corpus.ParseProblem;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.CorpusFiles.write;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class IngestServiceTest {

    @Inject
    IngestService ingest;

    @Inject
    IngestReports reports;

    @Inject
    IngestRuns runs;

    @TempDir
    Path dir;

    private final List<FileResult> results = new ArrayList<>();

    /** Ingests the paths and keeps the per-file results, in run order. */
    private IngestReports.RunSummary run(boolean dryRun, Path... paths) {
        results.clear();
        IngestProgress collect = new IngestProgress() {
            @Override
            public void started(long runId, int totalFiles) {}

            @Override
            public void advanced(int filesDone, List<FileResult> batch) {
                results.addAll(batch);
            }
        };
        try (InputFiles input = InputFiles.of(List.of(paths))) {
            long runId = ingest.ingest(input, new IngestRequest(Trigger.CLI, "test", dryRun), collect);
            return reports.find(runId).orElseThrow();
        }
    }

    @Test
    void aFileOfABagWithOneChangedByteIsRefusedAndTheOthersAreTaken() throws Exception {
        String url = uniqueUrl();
        String host = java.net.URI.create(url).getHost().substring(4);
        write(dir, "one.txt", article("One", url, "Body."));
        write(dir, "two.txt", article("Two", url.replace("story", "other"), "Body."));
        run(false, dir);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream bag = new ZipInputStream(
                given().get("/api/export?format=bagit&source=" + host)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asInputStream(),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry = bag.getNextEntry(); entry != null; entry = bag.getNextEntry()) {
                byte[] bytes = bag.readAllBytes();
                entries.put(
                        entry.getName(),
                        entry.getName().endsWith("/data/two.txt")
                                ? new String(bytes, StandardCharsets.UTF_8)
                                        .replace("Body.", "Bodx.")
                                        .getBytes(StandardCharsets.UTF_8)
                                : bytes);
            }
        }
        Path damaged = java.nio.file.Files.write(dir.resolveSibling("damaged.bag.zip"), CorpusFiles.zip(entries));

        IngestReports.RunSummary run = run(false, damaged);

        assertEquals(
                List.of(Outcome.DUPLICATE, Outcome.REJECTED),
                results.stream().map(FileResult::outcome).toList());
        ParseProblem problem = results.get(1).problems().get(0);
        assertEquals("manifest", problem.code());
        assertTrue(problem.message().contains("manifest-sha256.txt"), problem.message());
        assertEquals(1, run.counts().rejected());
    }

    @Test
    void newFilesAreAddedWithTheirMetadata() throws Exception {
        String url = uniqueUrl();
        write(dir, "001_a.txt", article("Talks in Geneva end", url, "First sentence here.", "", "  Second one.  "));

        IngestReports.RunSummary run = run(false, dir);

        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(1, run.counts().added());
        FileResult added = results.get(0);
        assertEquals(Outcome.ADDED, added.outcome());
        assertNotNull(added.articleId());
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement s = c.prepareStatement("""
                     select a.headline, a.published, a.version, a.latest, a.sentence_count, a.word_count, a.sentences,
                            s.host, s.domain, a.ingest_run_id, a.search_vector @@ to_tsquery('english', 'geneva')
                     from article a join source s on s.id = a.source_id where a.id = ?""")) {
            s.setLong(1, added.articleId());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Talks in Geneva end", rs.getString(1));
                assertEquals("2022-01-21", rs.getString(2));
                assertEquals(1, rs.getInt(3));
                assertTrue(rs.getBoolean(4));
                assertEquals(2, rs.getInt(5));
                assertEquals(5, rs.getInt(6));
                assertEquals(List.of("First sentence here.", "Second one."), List.of((String[])
                        rs.getArray(7).getArray()));
                assertEquals(java.net.URI.create(url).getHost().substring(4), rs.getString(8));
                assertEquals(rs.getString(8), rs.getString(9));
                assertEquals(run.id(), rs.getLong(10));
                assertTrue(rs.getBoolean(11), "the headline is searchable");
            }
        }
    }

    @Test
    void sameBytesAgainAreADuplicateNamingTheStoredArticle() throws Exception {
        write(dir, "001_a.txt", article("Headline", uniqueUrl(), "Body."));
        long id = run(false, dir).id();
        long articleId = results.get(0).articleId();

        IngestReports.RunSummary again = run(false, dir);

        assertEquals(1, again.counts().duplicate());
        assertEquals(0, again.counts().added());
        assertEquals(Outcome.DUPLICATE, results.get(0).outcome());
        assertEquals(articleId, results.get(0).articleId());
        assertFalse(again.id() == id);
        assertEquals(
                1,
                CatalogTestDatabase.count("select count(*) from article where sha256 = '"
                        + results.get(0).sha256() + "'"));
    }

    @Test
    void changedBytesUnderTheSameNormalizedUrlAreTheNextVersion() throws Exception {
        String url = uniqueUrl();
        write(dir, "001_a.txt", article("First headline", url, "Body."));
        run(false, dir);
        long first = results.get(0).articleId();
        Path second = write(
                dir.resolve("later"),
                "002_a.txt",
                article(
                        "Corrected headline",
                        url.replace("https://www.", "HTTPS://WWW.") + "?utm_source=feed#top",
                        "Body."));

        IngestReports.RunSummary run = run(false, second);

        assertEquals(1, run.counts().revised());
        FileResult revised = results.get(0);
        assertEquals(Outcome.REVISED, revised.outcome());
        assertEquals(first, revised.revises());
        assertEquals(2, CatalogTestDatabase.count("select version from article where id = " + revised.articleId()));
        assertEquals(
                0,
                CatalogTestDatabase.count("select count(*) from article where latest and id = " + first),
                "the old version is no longer the latest");
        assertEquals(
                1,
                CatalogTestDatabase.count("select count(*) from article where id = " + first),
                "the old version is kept");
    }

    @Test
    void aRevisionAndADuplicateWithinOneRunAreRecognised() throws Exception {
        String url = uniqueUrl();
        String v1 = article("One", url, "Body.");
        write(dir, "001.txt", v1);
        write(dir, "002.txt", v1);
        write(dir, "003.txt", article("Two", url, "Body."));
        write(dir, "004.txt", article("Three", url, "Body."));

        IngestReports.RunSummary run = run(false, dir);

        assertEquals(
                List.of(Outcome.ADDED, Outcome.DUPLICATE, Outcome.REVISED, Outcome.REVISED),
                results.stream().map(FileResult::outcome).toList());
        assertEquals(results.get(0).articleId(), results.get(1).articleId());
        assertEquals(results.get(0).articleId(), results.get(2).revises());
        assertEquals(results.get(2).articleId(), results.get(3).revises());
        assertEquals(
                3,
                CatalogTestDatabase.count("select max(version) from article where id in ("
                        + results.get(3).articleId() + ")"));
        assertEquals(
                1,
                CatalogTestDatabase.count("select count(*) from article where latest and id in ("
                        + results.get(0).articleId() + "," + results.get(2).articleId() + ","
                        + results.get(3).articleId() + ")"));
        assertEquals(1, run.counts().added());
        assertEquals(2, run.counts().revised());
    }

    @Test
    void aBadFileIsRejectedWithItsProblemsAndTheGoodOnesAreStored() throws Exception {
        write(dir, "001_bad.txt", "Headline\n2022-01-21\nnot a url\nBody.\n");
        write(dir, "002_good.txt", article("Good", uniqueUrl(), "Body."));

        IngestReports.RunSummary run = run(false, dir);

        assertEquals(1, run.counts().rejected());
        assertEquals(1, run.counts().added());
        FileResult rejected = results.get(0);
        assertEquals(Outcome.REJECTED, rejected.outcome());
        assertNull(rejected.articleId());
        assertEquals(
                List.of("date", "url"),
                rejected.problems().stream().map(p -> p.code()).toList());
        assertEquals(
                List.of(2, 3), rejected.problems().stream().map(p -> p.line()).toList());
        assertEquals(
                0,
                CatalogTestDatabase.count("select count(*) from article where sha256 = '" + rejected.sha256() + "'"));
    }

    @Test
    void aNulQuotedFromLine2IsStoredEscapedAndTheRestOfTheBatchGoesOn() throws Exception {
        write(dir, "001_a.txt", "Headline\n2022\0" + "0121\nhttps://example.com/a\nBody.\n");
        write(dir, "002_good.txt", article("Good", uniqueUrl(), "Body."));

        IngestReports.RunSummary dry = run(true, dir);
        assertEquals(RunStatus.COMPLETED, dry.status());
        assertEquals(List.of(Outcome.REJECTED, Outcome.ADDED), outcomes());

        IngestReports.RunSummary real = run(false, dir);
        assertEquals(RunStatus.COMPLETED, real.status());
        assertEquals(List.of(Outcome.REJECTED, Outcome.ADDED), outcomes());
        assertEquals(
                1,
                CatalogTestDatabase.count("select count(*) from article where sha256 = '"
                        + results.get(1).sha256() + "'"));
        assertEquals(
                1,
                CatalogTestDatabase.count("select count(*) from ingest_file where run_id = " + real.id()
                        + " and problems -> 1 ->> 'message' like '%2022\\\\u00000121%'"),
                "the NUL is shown escaped");
    }

    @Test
    void aFileTheDatabaseRefusesIsRejectedAndTheRestOfItsBatchIsStored() throws Exception {
        refuseHeadlines("Refused by the database", "22023");
        write(dir, "001.txt", article("Stored before", uniqueUrl(), "Body."));
        write(dir, "002.txt", article("Refused by the database", uniqueUrl(), "Body."));
        write(dir, "003.txt", article("Stored after", uniqueUrl(), "Body."));

        IngestReports.RunSummary run = run(false, dir);

        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(List.of(Outcome.ADDED, Outcome.REJECTED, Outcome.ADDED), outcomes());
        assertEquals("database_refused", results.get(1).problems().get(0).code());
        assertTrue(
                results.get(1).problems().get(0).message().contains("this row is refused"),
                results.get(1).problems().get(0).message());
        assertEquals(2, run.counts().added());
        assertEquals(1, run.counts().rejected());
        for (int i : new int[] {0, 2}) {
            assertEquals(
                    1,
                    CatalogTestDatabase.count("select count(*) from article where id = "
                            + results.get(i).articleId()));
        }
    }

    @Test
    void aDatabaseOutageIsARunFailureNotARejection() throws Exception {
        refuseHeadlines("The database goes away", "57P01");
        write(dir, "001.txt", article("The database goes away", uniqueUrl(), "Body."));

        assertThrows(IngestFailure.class, () -> run(false, dir));
        assertEquals(
                1,
                CatalogTestDatabase.count(
                        "select count(*) from ingest_run where status = 'failed' and id = (select max(id) from ingest_run)"));
    }

    @Test
    void whatTheSchemaCannotHoldIsRejectedAlikeByADryAndARealRun() throws Exception {
        Random random = new Random(8);
        StringBuilder path = new StringBuilder("https://example.com/");
        StringBuilder headline = new StringBuilder();
        while (path.length() < 2_800) {
            path.append((char) ('a' + random.nextInt(26)))
                    .append((char) ('A' + random.nextInt(26)))
                    .append(random.nextInt(10));
        }
        while (headline.length() < 1_000_000) {
            for (int i = 0; i < 7; i++) {
                headline.append((char) ('a' + random.nextInt(26)));
            }
            headline.append(' ');
        }
        write(dir, "001_long_url.txt", article("Long URL", path.toString(), "Body."));
        write(dir, "002_long_headline.txt", article(headline.toString().strip(), uniqueUrl(), "Body."));
        write(dir, "003_good.txt", article("Good", uniqueUrl(), "Body."));

        IngestReports.RunSummary dry = run(true, dir);
        List<Outcome> dryOutcomes = outcomes();
        IngestReports.RunSummary real = run(false, dir);

        assertEquals(List.of(Outcome.REJECTED, Outcome.REJECTED, Outcome.ADDED), dryOutcomes);
        assertEquals(dryOutcomes, outcomes(), "the real run does what the dry run said");
        assertEquals(dry.counts(), real.counts());
        assertEquals(
                List.of("url_too_long"),
                results.get(0).problems().stream().map(p -> p.code()).toList());
        assertEquals(
                List.of("headline_too_long"),
                results.get(1).problems().stream().map(p -> p.code()).toList());
    }

    @Test
    void aFileWithoutBodyIsAddedWithAWarning() throws Exception {
        write(dir, "001.txt", "Headline only\n20220121\n" + uniqueUrl() + "\n\n");

        IngestReports.RunSummary run = run(false, dir);

        assertEquals(1, run.counts().added());
        assertEquals(1, run.counts().warnings());
        assertEquals("body_empty", results.get(0).problems().get(0).code());
    }

    @Test
    void aDryRunDecidesTheSameButStoresNothing() throws Exception {
        String url = uniqueUrl();
        write(dir, "001.txt", article("One", url, "Body."));
        write(dir, "002.txt", article("One", url, "Body."));
        write(dir, "003.txt", article("Two", url, "Body."));
        write(dir, "004.txt", "\n");

        IngestReports.RunSummary dry = run(true, dir);

        assertTrue(dry.dryRun());
        assertEquals(RunStatus.COMPLETED, dry.status());
        assertEquals(
                List.of(Outcome.ADDED, Outcome.DUPLICATE, Outcome.REVISED, Outcome.REJECTED),
                results.stream().map(FileResult::outcome).toList());
        assertEquals(
                0,
                CatalogTestDatabase.count("select count(*) from article where sha256 = '"
                        + results.get(0).sha256() + "'"));
        assertEquals(0, CatalogTestDatabase.count("select count(*) from article where ingest_run_id = " + dry.id()));

        IngestReports.RunSummary real = run(false, dir);
        assertEquals(dry.counts(), real.counts(), "the real run does what the dry run said");
        assertEquals(0, CatalogTestDatabase.count("select count(*) from audit_event where run_id = " + dry.id()));
        assertEquals(
                1,
                CatalogTestDatabase.count(
                        "select count(*) from audit_event where action = 'ingest' and username = 'test'"
                                + " and run_id = " + real.id()),
                "a run that stores is in the audit log, whoever started it");
    }

    @Test
    void aZipIsIngestedAndAnEntryLeavingTheArchiveIsRejected() throws Exception {
        Path zip = CorpusFiles.zip(
                dir.resolve("batch.zip"),
                "inner/001.txt",
                article("From a zip", uniqueUrl(), "Body."),
                "../002.txt",
                article("Escaping", uniqueUrl(), "Body."),
                "notes.md",
                "not an article");

        IngestReports.RunSummary run = run(false, zip);

        assertEquals(1, run.counts().added());
        assertEquals(1, run.counts().rejected());
        assertEquals(2, results.size(), "entries that are not .txt are skipped");
        FileResult escaping = results.get(0);
        assertEquals(
                "batch.zip!/../002.txt",
                escaping.name(),
                "reports name files from what was given, never the server's folders");
        assertEquals("path", escaping.problems().get(0).code());
        assertEquals("001.txt", fileNameOf(results.get(1).articleId()));
    }

    @Test
    void aRunLeftRunningWithoutItsProcessIsShownAsInterrupted() throws Exception {
        long orphan;
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement s = c.prepareStatement("""
                     insert into ingest_run (trigger, started_by, status, dry_run, started_at)
                     values ('cli', 'test', 'running', false, now()) returning id""");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            orphan = rs.getLong(1);
        }

        assertEquals(RunStatus.INTERRUPTED, reports.find(orphan).orElseThrow().status());
        assertEquals(
                RunStatus.INTERRUPTED,
                reports.list(10).stream()
                        .filter(r -> r.id() == orphan)
                        .findFirst()
                        .orElseThrow()
                        .status());
        assertEquals(
                1,
                CatalogTestDatabase.count(
                        "select count(*) from ingest_run where status = 'running' and id = " + orphan),
                "reading runs never writes");
        runs.markInterrupted();
        assertEquals(
                1,
                CatalogTestDatabase.count(
                        "select count(*) from ingest_run where status = 'interrupted' and id = " + orphan),
                "writers mark it");
    }

    @Test
    void aRunOfAnotherInstanceIsNotMarkedInterruptedWhileItHoldsItsLock() throws Exception {
        // another instance's run: its row, and its lock held on that instance's own connection
        try (Connection other = CatalogTestDatabase.connect()) {
            long live;
            try (PreparedStatement s = other.prepareStatement("""
                     insert into ingest_run (trigger, started_by, status, dry_run, started_at)
                     values ('web', 'test', 'running', false, now()) returning id""");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                live = rs.getLong(1);
            }
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, live);
                lock.execute();
            }

            runs.markInterrupted();

            assertEquals(RunStatus.RUNNING, reports.find(live).orElseThrow().status());
            assertEquals(
                    1,
                    CatalogTestDatabase.count(
                            "select count(*) from ingest_run where status = 'running' and id = " + live),
                    "this instance's start and schedule leave the other's run running");
            other.close();
            // the server ends the backend, and drops its lock, a moment after the client closed it
            Instant deadline = Instant.now().plusSeconds(10);
            while (reports.find(live).orElseThrow().status() == RunStatus.RUNNING
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertEquals(
                    RunStatus.INTERRUPTED,
                    reports.find(live).orElseThrow().status(),
                    "once that instance's connection is gone");
        }
    }

    @Test
    void originalBytesAreKeptWhateverTheLineEndings() throws Exception {
        byte[] original =
                ("\uFEFFHeadline\r\n20220121\r" + uniqueUrl() + "\r\nBody.\r\n").getBytes(StandardCharsets.UTF_8);
        write(dir, "001.txt", original);

        run(false, dir);

        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement s = c.prepareStatement("select content from article_original where article_id = ?")) {
            s.setLong(1, results.get(0).articleId());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                org.junit.jupiter.api.Assertions.assertArrayEquals(original, rs.getBytes(1));
            }
        }
    }

    private List<Outcome> outcomes() {
        return results.stream().map(FileResult::outcome).toList();
    }

    /** Makes the database refuse articles whose headline starts with {@code prefix}, with the given SQLSTATE. */
    private static void refuseHeadlines(String prefix, String sqlState) throws SQLException {
        String name = "refuse_" + sqlState.toLowerCase();
        try (Connection c = CatalogTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.execute("create or replace function " + name + "() returns trigger language plpgsql as $$ begin"
                    + " if new.headline like '" + prefix + "%' then"
                    + " raise exception 'test: this row is refused' using errcode = '" + sqlState + "'; end if;"
                    + " return new; end $$");
            s.execute("drop trigger if exists " + name + " on article");
            s.execute("create trigger " + name + " before insert on article for each row execute function " + name
                    + "()");
        }
    }

    private static String fileNameOf(long articleId) throws SQLException {
        try (Connection c = CatalogTestDatabase.connect();
                ResultSet rs =
                        c.createStatement().executeQuery("select file_name from article where id = " + articleId)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
