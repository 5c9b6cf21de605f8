package io.newsarchive.catalog;

import com.google.common.hash.Hashing;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleResourceTest {

    @Test
    void anArticleIsServedAsJsonAndItsOriginalByteForByte() throws Exception {
        String url = uniqueUrl();
        byte[] original = ("\uFEFF  Kharkiv braces for talks \r\n20220122\r\n" + url + "?utm_medium=x&page=2#c\r\n"
                        + "\"Quoted\" first sentence.\r\n\r\nSecond, with émoji 🙂.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        int id = asAdmin()
                .multiPart("file", "007_0123456789abcdef.txt", original, "text/plain")
                .post("/api/ingest")
                .then()
                .statusCode(200)
                .extract()
                .path("files[0].article_id");
        String sha = Hashing.sha256().hashBytes(original).toString();
        String host = java.net.URI.create(url).getHost();

        given().get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("headline", equalTo("Kharkiv braces for talks"))
                .body("published", equalTo("2022-01-22"))
                .body("url", equalTo(url + "?utm_medium=x&page=2#c"))
                .body("normalized_url", equalTo(url + "?page=2"))
                .body("source", equalTo(host.substring(4)))
                .body("domain", equalTo(host.substring(4)))
                .body("file_name", equalTo("007_0123456789abcdef.txt"))
                .body("sha256", equalTo(sha))
                .body("size_bytes", equalTo(original.length))
                .body("sentence_count", equalTo(2))
                .body("word_count", equalTo(6))
                .body("ingested_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
                .body("version", equalTo(1))
                .body("status", equalTo("active"))
                .body("sentences[0]", equalTo("\"Quoted\" first sentence."))
                .body("sentences[1]", equalTo("Second, with émoji 🙂."));

        byte[] served = given().get("/api/articles/" + id + "/original")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/plain; charset=utf-8"))
                .header("ETag", equalTo("\"" + sha + "\""))
                .extract()
                .asByteArray();
        assertArrayEquals(original, served);
        given().header("If-None-Match", "\"" + sha + "\"")
                .get("/api/articles/" + id + "/original")
                .then()
                .statusCode(304);
    }

    @Test
    void anOriginalIsServedInRanges() {
        byte[] original = article("Ranges of an original", uniqueUrl(), "0123456789 abcdefghij.")
                .getBytes(StandardCharsets.UTF_8);
        int length = original.length;
        long id = CatalogFixtures.ingest(new String(original, StandardCharsets.UTF_8))
                .get(0);
        String path = "/api/articles/" + id + "/original";
        String etag = "\"" + Hashing.sha256().hashBytes(original).toString() + "\"";

        Map<String, byte[]> parts = Map.of(
                "bytes=0-9", Arrays.copyOfRange(original, 0, 10),
                "bytes=10-", Arrays.copyOfRange(original, 10, length),
                "bytes=-5", Arrays.copyOfRange(original, length - 5, length),
                "bytes=5-99999", Arrays.copyOfRange(original, 5, length));
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            byte[] served = given().header("Range", part.getKey())
                    .get(path)
                    .then()
                    .statusCode(206)
                    .header("Accept-Ranges", "bytes")
                    .header("ETag", etag)
                    .extract()
                    .asByteArray();
            assertArrayEquals(part.getValue(), served, part.getKey());
        }
        given().header("Range", "bytes=0-9")
                .get(path)
                .then()
                .header("Content-Range", "bytes 0-9/" + length)
                .header("Content-Length", "10");

        // sent as stored, whatever the client takes: the strong ETag and the ranges count these bytes
        given().header("Accept-Encoding", "br, gzip")
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Encoding", anyOf(nullValue(), equalTo("identity")));
        given().header("Range", "bytes=0-99999999999999999999999")
                .get(path)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 0-" + (length - 1) + "/" + length);
        given().header("Range", "bytes=99999999999999999999999-")
                .get(path)
                .then()
                .statusCode(416);
        given().header("Range", "bytes=" + length + "-")
                .get(path)
                .then()
                .statusCode(416)
                .header("Content-Range", "bytes */" + length)
                .body("message", containsString(length + " bytes"));
        // several ranges, another unit, a range backwards, a stale If-Range: the whole file, as the RFC allows
        for (Map<String, String> headers : List.of(
                Map.of("Range", "bytes=0-1,4-5"),
                Map.of("Range", "lines=1-2"),
                Map.of("Range", "bytes=9-3"),
                Map.of("Range", "bytes=0-1", "If-Range", "\"other\""))) {
            byte[] served = given().headers(headers)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertArrayEquals(original, served, headers.toString());
        }
        given().header("Range", "bytes=0-1")
                .header("If-Range", etag)
                .get(path)
                .then()
                .statusCode(206);
    }

    @Test
    void unknownOrMalformedIdsGetJsonErrors() {
        given().get("/api/articles/999999999").then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/api/articles/-1").then().statusCode(400).body("parameter", equalTo("id"));
        given().get("/api/articles/x/original").then().statusCode(400).body("parameter", equalTo("id"));
    }

    @Test
    void aYearOfMoreThanFourDigitsIsA400NamingItsParameter() {
        for (String name : new String[] {"from", "to"}) {
            given().urlEncodingEnabled(false)
                    .get("/api/articles?" + name + "=%2B99999-01-01")
                    .then()
                    .statusCode(400)
                    .body("parameter", equalTo(name));
        }
    }
}
