package io.newsarchive.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.system.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.newsarchive.ingest.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/export} as CSV, JSON and JSON Lines, read back with a CSV reader and a JSON parser. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ExportResourceTest {

    private static final String HARD_HEADLINE = "\"Quoted\", with commas; Київ — 東京 🙂 =1+1";

    @Test
    void csvIsExactAndEndsWithItsCount() throws Exception {
        String host = ingestHardArticles();
        Response response = given().get("/api/export?format=csv&include_body=true&source=" + host);
        response.then().statusCode(200)
                .header("Content-Type", equalTo("text/csv; charset=utf-8; header=present"))
                .header("Content-Disposition", matchesPattern(
                        "attachment; filename=\"catalog-\\d{4}-\\d\\d-\\d\\dT\\d{4}Z-source-" + host.replace(".", "\\.") + "\\.csv\""));
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("# 2 articles; end of export\r\n"), "ends with the count: " + text);
        assertTrue(text.startsWith("id,headline,published,url,normalized_url,source,domain,file_name,sha256,size_bytes,"
                + "sentence_count,word_count,ingested_at,version,status,latest,ingest_run_id,body\r\n"));

        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').get().parse(new StringReader(text))) {
            records = parser.getRecords();
        }
        assertEquals(2, records.size());
        CSVRecord hard = records.get(0);
        assertEquals(HARD_HEADLINE, hard.get("headline"));
        assertEquals("First, \"quoted\" sentence.\nSecond: 北京 and emoji 🙂.", hard.get("body"));
        assertEquals(host, hard.get("source"));
        assertEquals("2022-02-03", hard.get("published"));
        given().get("/api/articles/" + hard.get("id")).then()
                .body("sha256", equalTo(hard.get("sha256")))
                .body("ingested_at", equalTo(hard.get("ingested_at")));
    }

    @Test
    void bomAndSpreadsheetSafetyAreAskedFor() {
        String host = ingestHardArticles();
        byte[] bytes = given().get("/api/export?bom=true&spreadsheet_safe=true&source=" + host).asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains(",'=2+2 is a formula,"), "a formula is neutralised: " + text);
        assertTrue(given().get("/api/export?source=" + host).asString().contains(",=2+2 is a formula,"),
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

        JsonNode array = json.readTree(given().get("/api/export?format=json&source=" + host).asString());
        assertEquals(2, array.size());
        assertEquals(first.get("id"), array.get(0).get("id"));
        assertEquals(first.get("sha256"), array.get(0).get("sha256"));
        assertTrue(array.get(0).get("sentences") == null, "no body unless asked for");
    }

    @Test
    void abortedExportsGiveTheirDatabaseConnectionsBack() throws Exception {
        String host = "x" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        RequestSpecification request = given();
        String sentence = "A long sentence that makes the export big enough to outlast the socket buffers. ".repeat(20);
        for (int i = 0; i < 300; i++) {
            request.multiPart("file", String.format("%03d_big.txt", i), article("Big " + i, LocalDate.of(2022, 3, 1),
                    "https://" + host + "/" + i, sentence, sentence, sentence).getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        request.post("/api/ingest").then().statusCode(200);

        URI export = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/export?format=jsonl&include_body=true&source=" + host);
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket(export.getHost(), export.getPort())) {
                socket.getOutputStream().write(("GET " + export.getRawPath() + "?" + export.getRawQuery()
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
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

    /** Database sessions of this test database still inside an export's transaction. */
    private static long exportsStillOpen() throws Exception {
        try (Connection c = CatalogTestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                     + " and state <> 'idle' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
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
        RequestSpecification request = given()
                .multiPart("file", "001_a.txt", article(HARD_HEADLINE, LocalDate.of(2022, 2, 3), "https://" + host + "/a",
                        "First, \"quoted\" sentence.", "Second: 北京 and emoji 🙂.").getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "002_b.txt", article("=2+2 is a formula", LocalDate.of(2022, 2, 4), "https://" + host + "/b",
                        "Plain.").getBytes(StandardCharsets.UTF_8), "text/plain");
        request.post("/api/ingest").then().statusCode(200);
        return host;
    }
}
