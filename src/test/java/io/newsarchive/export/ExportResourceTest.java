package io.newsarchive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.ReuseLinking;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/export} in every format, read back with a CSV reader, a JSON parser, a zip reader and the Library of
 * Congress BagIt library.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ExportResourceTest {

    private static final String HARD_HEADLINE = "\"Quoted\", with commas; Київ — 東京 🙂 =1+1";

    @Test
    void csvIsExactAndEveryRecordHasTheSameFields() throws Exception {
        String host = ingestHardArticles();
        Response response = given().get("/api/export?format=csv&include_body=true&source=" + host);
        response.then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/csv; charset=utf-8; header=present"))
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"catalog-\\d{4}-\\d\\d-\\d\\dT\\d{4}Z-source-"
                                + host.replace(".", "\\.") + "\\.csv\"; filename\\*=UTF-8''catalog-.*\\.csv"));
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertFalse(text.contains("end of export"), "no end line unless asked for: " + text);
        assertTrue(
                text.startsWith(
                        "id,headline,published,url,normalized_url,source,domain,file_name,sha256,size_bytes,"
                                + "sentence_count,word_count,ingested_at,version,status,latest,ingest_run_id,metadata_revision,note,withdrawn_reason,body\r\n"));

        List<CSVRecord> records = CsvRecords.of(text);
        assertEquals(2, records.size());
        CSVRecord hard = records.get(0);
        assertEquals(HARD_HEADLINE, hard.get("headline"));
        assertEquals("First, \"quoted\" sentence.\nSecond: 北京 and emoji 🙂.", hard.get("body"));
        assertEquals(host, hard.get("source"));
        assertEquals("2022-02-03", hard.get("published"));
        given().get("/api/articles/" + hard.get("id"))
                .then()
                .body("sha256", equalTo(hard.get("sha256")))
                .body("ingested_at", equalTo(hard.get("ingested_at")));
    }

    @Test
    void aPassageExportsEveryArticleThatCarriesIt() throws IOException {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        ReuseLinking.linkAll();
        Response response =
                given().queryParam("passage", quoted.renderings().get(2)).get("/api/export?format=csv");
        response.then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"catalog-[^\"]*-passage-minister-.*"));
        List<CSVRecord> records = CsvRecords.of(response.asString());
        assertEquals(
                Set.copyOf(quoted.carriers()),
                records.stream().map(r -> Long.valueOf(r.get("id"))).collect(Collectors.toSet()));
        assertEquals(3, records.size());
    }

    @Test
    void bomAndSpreadsheetSafetyAreAskedFor() {
        String host = ingestHardArticles();
        byte[] bytes = given().get("/api/export?bom=true&spreadsheet_safe=true&source=" + host)
                .asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(",'=2+2 is a formula,"), "a formula is neutralised: " + text);
        assertTrue(
                given().get("/api/export?source=" + host).asString().contains(",=2+2 is a formula,"),
                "exact by default");
    }

    @Test
    void jsonLinesAndJsonCarryTheSameArticles() throws Exception {
        String host = ingestHardArticles();
        ObjectMapper json = new ObjectMapper();
        Response lines = given().get("/api/export?format=jsonl&include_body=true&source=" + host);
        lines.then().statusCode(200).header("Content-Type", equalTo("application/jsonl"));
        List<String> all = lines.asString().lines().toList();
        assertEquals(3, all.size());
        JsonNode first = json.readTree(all.get(0));
        assertEquals(HARD_HEADLINE, first.get("headline").asText());
        assertEquals("Second: 北京 and emoji 🙂.", first.get("sentences").get(1).asText());
        assertEquals(json.readTree("{\"end_of_export\": true, \"articles\": 2}"), json.readTree(all.get(2)));

        JsonNode array = json.readTree(
                given().get("/api/export?format=json&source=" + host).asString());
        assertEquals(2, array.size());
        assertEquals(first.get("id"), array.get(0).get("id"));
        assertEquals(first.get("sha256"), array.get(0).get("sha256"));
        assertTrue(array.get(0).get("sentences") == null, "no body unless asked for");
    }

    @Test
    void zipHoldsTheOriginalsByteForByteUnderTheirOwnNames(@TempDir Path dir) throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        Map<String, byte[]> uploads = Map.of(
                "SAME.txt",
                        article("Upper", LocalDate.of(2022, 1, 5), "https://" + host + "/upper", "Body.")
                                .getBytes(StandardCharsets.UTF_8),
                "crlf.txt",
                        ("Windows lines\r\n20220105\r\nhttps://" + host + "/crlf\r\nТекст 🙂.\r\n")
                                .getBytes(StandardCharsets.UTF_8),
                "same.txt",
                        article("Lower", LocalDate.of(2022, 1, 5), "https://" + host + "/lower", "Body.")
                                .getBytes(StandardCharsets.UTF_8));
        RequestSpecification request = asAdmin();
        uploads.forEach((name, bytes) -> request.multiPart("file", name, bytes, "text/plain"));
        request.post("/api/ingest").then().statusCode(200);
        long lowerId = given().get("/api/articles?source=" + host + "&q=lower")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");

        Response response = given().get("/api/export?format=zip&source=" + host);
        response.then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/zip"))
                .header(
                        "Content-Disposition",
                        matchesPattern(
                                "attachment; filename=\"catalog-.*-source-.*\\.zip\"; filename\\*=UTF-8''catalog-.*\\.zip"));
        Path zip = Files.write(dir.resolve("export.zip"), response.asByteArray());

        Map<String, byte[]> entries = entries(zip);
        // SAME.txt came first (ingest goes by name) and keeps the name; same.txt would collide on Windows and macOS
        assertEquals(
                Set.of("SAME.txt", "crlf.txt", lowerId + "/same.txt", "articles.csv", "manifest-sha256.txt"),
                entries.keySet());
        assertArrayEquals(uploads.get("SAME.txt"), entries.get("SAME.txt"));
        assertArrayEquals(uploads.get("crlf.txt"), entries.get("crlf.txt"));
        assertArrayEquals(uploads.get("same.txt"), entries.get(lowerId + "/same.txt"));
        Map<String, String> manifest = new HashMap<>();
        for (String line : new String(entries.get("manifest-sha256.txt"), StandardCharsets.UTF_8).split("\n")) {
            manifest.put(line.substring(66), line.substring(0, 64));
        }
        assertEquals(Set.of("SAME.txt", "crlf.txt", lowerId + "/same.txt", "articles.csv"), manifest.keySet());
        assertEquals(
                Map.of("SAME.txt", "SAME.txt", "crlf.txt", "crlf.txt", "same.txt", lowerId + "/same.txt"),
                CsvRecords.of(new String(entries.get("articles.csv"), StandardCharsets.UTF_8)).stream()
                        .collect(Collectors.toMap(r -> r.get("file_name"), r -> r.get("path"))),
                "the list of files says where each is");
        for (Map.Entry<String, String> line : manifest.entrySet()) {
            assertEquals(sha256(entries.get(line.getKey())), line.getValue(), line.getKey());
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertEquals("3 articles; end of export", file.getComment());
        }
    }

    @Test
    void anOriginalWhoseStoredBytesChangedStopsTheZip() throws Exception {
        String host = ingestHardArticles();
        long id = given().get("/api/articles?sort=published&source=" + host)
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        try (Connection c = CatalogTestDatabase.connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("update article_original set content = content || '\\x20'::bytea where article_id = " + id);
        }
        given().get("/api/export?format=zip&source=" + host)
                .then()
                .statusCode(500)
                .body("error", equalTo("damaged_original"))
                .body(
                        "message",
                        equalTo("article " + id + " (001_a.txt): the stored bytes no longer match the SHA-256"
                                + " taken at ingest; the export stops here"));
    }

    @Test
    void aBagIsValidForTheLibraryOfCongressBagItLibrary(@TempDir Path dir) throws Exception {
        String host = ingestHardArticles();
        Response response = given().get("/api/export?format=bagit&source=" + host);
        response.then().statusCode(200).header("Content-Type", equalTo("application/zip"));
        Matcher fileName = Pattern.compile("attachment; filename=\"(catalog-.*-source-" + Pattern.quote(host)
                        + ")\\.bag\\.zip\"; filename\\*=UTF-8''\\1\\.bag\\.zip")
                .matcher(response.header("Content-Disposition"));
        assertTrue(fileName.matches(), response.header("Content-Disposition"));
        Path zip = Files.write(dir.resolve("export.bag.zip"), response.asByteArray());
        Map<String, byte[]> entries = entries(zip);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path target = dir.resolve("unzipped").resolve(entry.getKey()).normalize();
            assertTrue(
                    target.startsWith(dir.resolve("unzipped").resolve(fileName.group(1))),
                    "one folder named like the file: " + entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }

        Path bagDir = dir.resolve("unzipped").resolve(fileName.group(1));
        Bag bag = new BagReader().read(bagDir);
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false);
        }
        assertEquals("1.0", bag.getVersion().toString());
        List<Map<String, Object>> articles = given().get("/api/articles?sort=published&source=" + host)
                .then()
                .extract()
                .jsonPath()
                .getList("items");
        long bytes = articles.stream()
                .mapToLong(a -> ((Number) a.get("size_bytes")).longValue())
                .sum();
        assertEquals(List.of(bytes + ".2"), bag.getMetadata().get("Payload-Oxum"));
        assertEquals(List.of("News archive"), bag.getMetadata().get("Source-Organization"));
        assertTrue(
                bag.getMetadata().get("External-Description").get(0).startsWith("The articles from " + host),
                bag.getMetadata().get("External-Description").toString());
        assertEquals(
                List.of(LocalDate.now(ZoneOffset.UTC).toString()),
                bag.getMetadata().get("Bagging-Date"));
        assertEquals(
                HARD_HEADLINE.lines().findFirst().orElseThrow() + "\n",
                Files.readString(bagDir.resolve("data/001_a.txt"))
                                .lines()
                                .findFirst()
                                .orElseThrow() + "\n");
        assertTrue(Files.exists(bagDir.resolve("tagmanifest-sha256.txt"))
                && Files.exists(bagDir.resolve("manifest-sha512.txt")));

        List<CSVRecord> records = CsvRecords.of(Files.readString(bagDir.resolve("metadata/articles.csv")));
        assertEquals(
                List.of(HARD_HEADLINE, "=2+2 is a formula"),
                records.stream().map(r -> r.get("headline")).toList());
        assertEquals(articles.get(0).get("sha256"), records.get(0).get("sha256"));
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Hashing.sha256().hashBytes(bytes).toString();
    }

    @Test
    void anArticleStoredDuringAnExportIsNotInIt(@TempDir Path dir) throws Exception {
        String host = ingestHardArticles();
        Path zip = dir.resolve("export.bag.zip");
        CompletableFuture<HttpResponse<Path>> response;
        try (Connection c = CatalogTestDatabase.connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // the bag's originals wait for this lock; its articles.csv is read after them
            s.execute("lock table article_original in access exclusive mode");
            response = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(exportUri("format=bagit&source=" + host))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(zip));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (busySessions("count(*) filter (where wait_event_type = 'Lock')") == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, busySessions("count(*) filter (where wait_event_type = 'Lock')"), "the export waits");
            // stored while the export runs: a copy of one of its articles under another URL
            try (ResultSet late =
                    s.executeQuery("insert into article (normalized_url, version, latest, status, headline,"
                            + " published, url, source_id, file_name, sha256, size_bytes, sentence_count, word_count, sentences,"
                            + " ingest_run_id, ingested_at) select normalized_url || '/late', 1, true, status, 'Late', published,"
                            + " url || '/late', source_id, 'late.txt', md5(url) || md5(headline), size_bytes, sentence_count,"
                            + " word_count, sentences, ingest_run_id, now() from article a join source s on s.id = a.source_id"
                            + " where s.host = '" + host + "' and a.file_name = '002_b.txt' returning id")) {
                late.next();
                s.executeUpdate(
                        "insert into article_original select " + late.getLong(1) + ", content from article_original"
                                + " o join article a on a.id = o.article_id join source s on s.id = a.source_id where s.host = '"
                                + host + "' and a.file_name = '002_b.txt'");
            }
            c.commit();
        }
        assertEquals(200, response.get(30, TimeUnit.SECONDS).statusCode());
        Map<String, byte[]> entries = entries(zip);
        long originals = entries.keySet().stream()
                .filter(name -> name.contains("/data/"))
                .count();
        String csv = entries.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/metadata/articles.csv"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
        assertEquals(2, originals);
        assertEquals(3, csv.split("\r\n").length, "the metadata has the same 2 articles: " + csv);
        assertFalse(csv.contains("Late"));
        given().get("/api/export?end_line=true&source=" + host)
                .then()
                .body(endsWith("# 3 articles; end of export\r\n"));
    }

    @Test
    void abortedExportsGiveTheirDatabaseConnectionsBack() throws Exception {
        String host = bigSelection();
        List<String> formats = List.of("jsonl&include_body=true", "csv&include_body=true", "zip", "bagit");
        for (int i = 0; i < 20; i++) {
            URI export = exportUri("format=" + formats.get(i % formats.size()) + "&source=" + host);
            try (Socket socket = new Socket(export.getHost(), export.getPort())) {
                socket.getOutputStream()
                        .write(("GET " + export.getRawPath() + "?" + export.getRawQuery()
                                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                byte[] start = socket.getInputStream().readNBytes(1000);
                assertTrue(new String(start, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        long open;
        do {
            Thread.sleep(200);
            open = exportsStillOpen();
        } while (open > 0 && System.nanoTime() < deadline);
        assertEquals(0, open, "every aborted export has ended its transaction and given its connection back");
    }

    @Test
    void anExportThatFailsHalfWayBreaksTheDownloadInsteadOfEndingIt() throws Exception {
        String host = bigSelection();
        // only formats whose output outlasts the socket buffers for sure (a zip of these repeated texts is small)
        for (String format : List.of("jsonl&include_body=true", "csv&include_body=true", "json&include_body=true")) {
            HttpResponse<InputStream> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(exportUri("format=" + format + "&source=" + host))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream body = response.body()) {
                assertEquals(1000, body.readNBytes(1000).length);
                assertEquals(1, endExportSessions(), format + ": the export's database session was ended");
                assertThrows(
                        IOException.class,
                        body::readAllBytes,
                        format + ": the client sees a broken transfer, not a short file that ends well");
            }
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(
                    given().get("/api/export?end_line=true&source=" + host)
                            .asString()
                            .endsWith("# 1200 articles; end of export\r\n"),
                    "the service recovers: later exports are whole");
        }
    }

    /** Ends the database sessions of exports under way, as a database restart would; returns how many. */
    private static long endExportSessions() throws Exception {
        return busySessions("count(pg_terminate_backend(pid))");
    }

    /** Database sessions of this test database still inside an export's transaction. */
    private static long exportsStillOpen() throws Exception {
        return busySessions("count(*)");
    }

    /** {@code aggregate} over the other sessions of the test database that are not idle (nothing else runs). */
    private static long busySessions(String aggregate) throws Exception {
        try (Connection c = CatalogTestDatabase.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select " + aggregate + " from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static URI exportUri(String query) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/export?" + query);
    }

    private static String bigHost;

    /** 1,200 articles of about 5 kB: more than one fetch of rows, and more than the socket buffers hold. */
    private static synchronized String bigSelection() {
        if (bigHost == null) {
            String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
            // 30 MB with the text: more than loopback sockets buffer, even when the kernel has grown their buffers
            String sentence =
                    "A long sentence that makes the export big enough to outlast the socket buffers. ".repeat(100);
            for (int from = 0; from < 1200; from += 400) {
                RequestSpecification request = asAdmin();
                for (int i = from; i < from + 400; i++) {
                    request.multiPart(
                            "file",
                            String.format("%04d_big.txt", i),
                            article(
                                            "Big " + i,
                                            LocalDate.of(2022, 3, 1),
                                            "https://" + host + "/" + i,
                                            sentence,
                                            sentence,
                                            sentence)
                                    .getBytes(StandardCharsets.UTF_8),
                            "text/plain");
                }
                request.post("/api/ingest").then().statusCode(200).body("run.counts.added", equalTo(400));
            }
            bigHost = host;
        }
        return bigHost;
    }

    @Test
    void postgresqlWritesTimesAsTheApiDoes() throws Exception {
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement iso = c.prepareStatement("select iso_instant(?::timestamptz)")) {
            for (String time : List.of(
                    "2026-11-25T10:00:05Z",
                    "2026-11-25T10:00:05.100Z",
                    "2026-11-25T10:00:05.123Z",
                    "2026-11-25T10:00:05.000100Z",
                    "2026-11-25T10:00:05.123400Z",
                    "2026-11-25T10:00:05.999999Z")) {
                Instant instant = Instant.parse(time);
                iso.setString(1, instant.toString());
                try (ResultSet rs = iso.executeQuery()) {
                    rs.next();
                    assertEquals(instant.toString(), rs.getString(1));
                }
            }
        }
    }

    @Test
    void everyFilterSelectsWhatTheListingShows() {
        String one = ingestHardArticles();
        String other = ingestHardArticles();
        String filters =
                "q=" + "quoted OR o'clock" + "&source=" + one + "&source=" + other + "&from=2022-02-03&to=2022-02-28";
        int listed = given().get("/api/articles?" + filters)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertEquals(2, listed, "the hard article of both hosts");
        String csv = given().get("/api/export?end_line=true&" + filters)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csv.endsWith("# 2 articles; end of export\r\n"), csv);
        assertTrue(given().get("/api/export?format=jsonl&" + filters).asString().endsWith("\"articles\":2}\n"));
    }

    @Test
    void articlesChosenByIdAreExactlyTheExport() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        List<Long> ids = CatalogFixtures.ingest(
                article("Chosen one", LocalDate.of(2021, 5, 1), "https://" + host + "/1", "One."),
                article("Not chosen", LocalDate.of(2021, 5, 2), "https://" + host + "/2", "Two."),
                article("Chosen, \"two\"", LocalDate.of(2021, 5, 3), "https://" + host + "/3", "Three."));
        Set<String> chosen = Set.of(ids.get(0).toString(), ids.get(2).toString());

        // as the catalog page's form sends it: each box a repeated id, and the CSV for spreadsheets
        Response csv = given().get(
                        "/api/export?format=csv&bom=true&spreadsheet_safe=true&id=" + ids.get(2) + "&id=" + ids.get(0));
        csv.then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        matchesPattern("attachment; filename=\"catalog-.*-2-articles\\.csv\".*"));
        List<CSVRecord> records = CsvRecords.of(new String(csv.asByteArray(), StandardCharsets.UTF_8).substring(1));
        assertEquals(chosen, records.stream().map(r -> r.get("id")).collect(Collectors.toSet()));
        assertEquals(2, records.size());
        assertTrue(records.stream().anyMatch(r -> r.get("headline").equals("Chosen, \"two\"")));

        // "all on this page" sends the ids separated by commas
        JsonNode json = new ObjectMapper()
                .readTree(given().get("/api/export?format=json&id=" + ids.get(0) + "," + ids.get(2))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(2, json.size());
        Set<String> exported = new java.util.HashSet<>();
        json.forEach(a -> exported.add(a.get("id").asText()));
        assertEquals(chosen, exported);
    }

    @Test
    void badChoicesOfIdsAreNamed() {
        long id = CatalogFixtures.ingest(article("Alone", "https://" + UUID.randomUUID() + ".example.org/a", "Text."))
                .get(0);
        given().get("/api/export?id=abc").then().statusCode(400).body("parameter", equalTo("id"));
        // the catalog page's form sends an empty id beside those ticked: nothing ticked is no export of everything
        given().get("/api/export?format=csv&id=").then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/export?id=&id=" + id).then().statusCode(200);
        given().get("/api/export?id=" + id + "&id=999999999")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("id"))
                .body("message", equalTo("no article has the id 999999999"));
        String tooMany = java.util.stream.LongStream.rangeClosed(id, id + 200)
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(","));
        given().get("/api/export?id=" + tooMany).then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/export?q=alone&id=" + id).then().statusCode(400).body("parameter", equalTo("q"));
        given().get("/api/export?status=all&id=" + id).then().statusCode(400).body("parameter", equalTo("status"));
    }

    @Test
    void badParametersAreNamed() {
        given().get("/api/export?format=xml").then().statusCode(400).body("parameter", equalTo("format"));
        given().get("/api/export?limit=10").then().statusCode(400).body("parameter", equalTo("limit"));
        given().get("/api/export?from=2022-02-30").then().statusCode(400).body("parameter", equalTo("from"));
        given().get("/api/export?q=the").then().statusCode(400).body("parameter", equalTo("q"));
        given().get("/api/export?bom=yes").then().statusCode(400).body("parameter", equalTo("bom"));
    }

    private static String ingestHardArticles() {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        RequestSpecification request = asAdmin()
                .multiPart(
                        "file",
                        "001_a.txt",
                        article(
                                        HARD_HEADLINE,
                                        LocalDate.of(2022, 2, 3),
                                        "https://" + host + "/a",
                                        "First, \"quoted\" sentence.",
                                        "Second: 北京 and emoji 🙂.")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .multiPart(
                        "file",
                        "002_b.txt",
                        article("=2+2 is a formula", LocalDate.of(2022, 2, 4), "https://" + host + "/b", "Plain.")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/plain");
        request.post("/api/ingest").then().statusCode(200);
        return host;
    }
}
