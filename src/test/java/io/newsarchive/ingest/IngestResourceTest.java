package io.newsarchive.ingest;

import io.newsarchive.account.Role;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class IngestResourceTest {

    @TempDir
    Path dir;

    @Test
    void uploadedFilesAreIngestedAndTheReportIsReturned() {
        String good = article("Uploaded", uniqueUrl(), "A sentence.");
        Response report = asAdmin()
                .multiPart("file", "002_good.txt", good.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "001_bad.txt", "Headline\n20220230\n".getBytes(StandardCharsets.UTF_8), "text/plain")
                .when()
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("run.status", equalTo("completed"))
                .body("run.dry_run", equalTo(false))
                .body("run.started_at", notNullValue())
                .body("run.finished_at", notNullValue())
                .body("run.counts.added", equalTo(1))
                .body("run.counts.rejected", equalTo(1))
                .body("files.seq", equalTo(List.of(1, 2)))
                .body("files[0].name", equalTo("001_bad.txt"))
                .body("files[0].outcome", equalTo("rejected"))
                .body("files[0].article_id", nullValue())
                .body("files[0].problems[0].severity", equalTo("error"))
                .body("files[0].problems[0].code", equalTo("date"))
                .body("files[0].problems[0].line", equalTo(2))
                .body("files[0].problems[1].code", equalTo("url"))
                .body("files[1].name", equalTo("002_good.txt"))
                .body("files[1].outcome", equalTo("added"))
                .extract()
                .response();

        int runId = report.path("run.id");
        int articleId = report.path("files[1].article_id");
        asAdmin()
                .get("/api/ingest-runs/" + runId)
                .then()
                .statusCode(200)
                .body("run.id", equalTo(runId))
                .body("files.size()", equalTo(2))
                .body("files[1].article_id", equalTo(articleId))
                .body("files[1].sha256", equalTo(report.path("files[1].sha256")));
        List<Integer> ids = asAdmin()
                .get("/api/ingest-runs")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertTrue(ids.contains(runId));
        assertEquals(ids.stream().sorted((a, b) -> b - a).toList(), ids, "newest first");
    }

    @Test
    void aDryRunOverHttpStoresNothing() {
        String url = uniqueUrl();
        int articleIdBefore = asAdmin()
                .multiPart("file", "x.txt", article("Dry", url, "Body.").getBytes(StandardCharsets.UTF_8))
                .queryParam("dry_run", "true")
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("run.dry_run", equalTo(true))
                .body("files[0].outcome", equalTo("added"))
                .body("files[0].article_id", nullValue())
                .extract()
                .path("run.counts.added");
        assertEquals(1, articleIdBefore);
        asAdmin()
                .multiPart("file", "x.txt", article("Dry", url, "Body.").getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("files[0].outcome", equalTo("added"));
    }

    @Test
    void aZipUploadWithAHostileEntryRejectsThatEntryOnly() throws Exception {
        Path zip = CorpusFiles.zip(
                dir.resolve("upload.zip"),
                "a/001.txt",
                article("Zipped", uniqueUrl(), "Body."),
                "../../etc/002.txt",
                article("Hostile", uniqueUrl(), "Body."));
        asAdmin()
                .multiPart("file", zip.toFile(), "application/zip")
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("files.size()", equalTo(2))
                .body("files[0].name", equalTo("upload.zip!/../../etc/002.txt"))
                .body("files[0].outcome", equalTo("rejected"))
                .body("files[0].problems[0].code", equalTo("path"))
                .body("files[1].outcome", equalTo("added"));
    }

    @Test
    void malformedRequestsGetAJsonErrorNamingTheProblem() {
        asAdmin()
                .multiPart("file", "x.txt", "x".getBytes(StandardCharsets.UTF_8))
                .queryParam("dry_run", "maybe")
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("dry_run"))
                .body("message", containsString("true or false"));
        asAdmin()
                .multiPart("file", "x.pdf", "x".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("file"))
                .body("message", containsString("x.pdf"));
        asAdmin()
                .multiPart("other", "x.txt", "x".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("file"));
        asAdmin()
                .multiPart("file", "broken.zip", "not a zip".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("message", containsString("broken.zip"));
        asAdmin()
                .contentType("multipart/form-data; boundary=xx")
                .body("garbage".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("message", containsString("request body"));
        // a form field (no file name) whose Content-Type is no media type
        asAdmin()
                .multiPart("file", "x", "Text.")
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("message", containsString("Text."));
        asAdmin()
                .contentType("application/json")
                .body("{}")
                .post("/api/ingest")
                .then()
                .statusCode(415)
                .body("error", notNullValue());
        asAdmin().get("/api/ingest-runs/abc").then().statusCode(400).body("parameter", equalTo("id"));
        asAdmin().get("/api/ingest-runs/999999999").then().statusCode(404).body("error", equalTo("not_found"));
        asAdmin().get("/api/ingest-runs?limit=0").then().statusCode(400).body("parameter", equalTo("limit"));
    }

    @Test
    void runReportsAreForArchivists() {
        int runId = asAdmin()
                .multiPart(
                        "file", "x.txt", article("Runs", uniqueUrl(), "Body.").getBytes(StandardCharsets.UTF_8))
                .queryParam("dry_run", "true")
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .extract()
                .path("run.id");
        for (String path : List.of("/api/ingest-runs", "/api/ingest-runs/" + runId)) {
            given().get(path).then().statusCode(401).body("error", notNullValue());
            given().auth()
                    .preemptive()
                    .basic(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD)
                    .get(path)
                    .then()
                    .statusCode(403)
                    .body("error", notNullValue());
            given().auth()
                    .preemptive()
                    .basic(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD)
                    .get(path)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void controlCharactersNeverReachAStoredNameAndEveryNameDownloadsExactly() throws Exception {
        String hostile = "bad\"\r\nX-Injected: yes\r\n.txt";
        String unicode = "ünï ☃ 名前.txt";
        Path zip = CorpusFiles.zip(
                dir.resolve("names.zip"),
                hostile,
                article("Hostile name", uniqueUrl(), "Body."),
                unicode,
                article("Unicode name", uniqueUrl(), "Body."));
        Response report = asAdmin()
                .multiPart("file", zip.toFile())
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .body("run.counts.added", equalTo(2))
                .extract()
                .response();
        List<Map<String, Object>> files = report.path("files");
        Map<String, Object> cleaned = files.stream()
                .filter(f -> f.get("name").toString().contains("bad"))
                .findFirst()
                .orElseThrow();
        assertEquals("names.zip!/bad\"__X-Injected: yes__.txt", cleaned.get("name"));
        assertEquals("file_name", report.path("files.find { it.name.contains('bad') }.problems[0].code"));
        assertEquals("warning", report.path("files.find { it.name.contains('bad') }.problems[0].severity"));

        RestAssuredConfig timeout = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 10_000));
        int hostileId = report.path("files.find { it.name.contains('bad') }.article_id");
        given().config(timeout)
                .get("/api/articles/" + hostileId + "/original")
                .then()
                .statusCode(200)
                .header("X-Injected", nullValue())
                .header(
                        "Content-Disposition",
                        equalTo("inline; filename=\"bad___X-Injected: yes__.txt\";"
                                + " filename*=UTF-8''bad%22__X-Injected%3A%20yes__.txt"));
        int unicodeId = report.path("files.find { it.name.contains('.txt') && !it.name.contains('bad') }.article_id");
        given().config(timeout)
                .get("/api/articles/" + unicodeId + "/original")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        equalTo("inline; filename=\"_n_ _ __.txt\";"
                                + " filename*=UTF-8''%C3%BCn%C3%AF%20%E2%98%83%20%E5%90%8D%E5%89%8D.txt"));
    }

    @Test
    void aLineBreakInAnUploadedFilesNameIsA400NamingTheField() {
        String boundary = "b0undary";
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"two\rlines.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n" + article("Line break", uniqueUrl(), "Body.") + "\r\n--"
                        + boundary + "--\r\n";
        asAdmin()
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("file"))
                .body("message", containsString("line break"));
    }
}
