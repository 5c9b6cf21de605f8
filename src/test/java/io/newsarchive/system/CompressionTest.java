package io.newsarchive.system;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages, JSON, CSV, JSON Lines and XML are compressed (brotli or gzip) for clients that ask; zips are not. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class CompressionTest {

    /** Leaves the body as sent, so that the test sees the compression itself. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void textIsGzippedForClientsThatAskAndZipsAreNot() throws Exception {
        for (String path : new String[] {
            "/", "/api/articles", "/api/export?format=csv", "/api/export?format=jsonl", "/oai?verb=Identify"
        }) {
            byte[] body = given().config(RAW)
                    .header("Accept-Encoding", "gzip")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", equalTo("gzip"))
                    .extract()
                    .asByteArray();
            try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                assertTrue(unzipped.readAllBytes().length > 0, path);
            }
        }
        given().config(RAW)
                .header("Accept-Encoding", "gzip")
                .get("/api/export?format=zip")
                .then()
                .statusCode(200)
                .header("Content-Encoding", nullValue());
        given().config(RAW).get("/api/articles").then().header("Content-Encoding", nullValue());
    }

    @Test
    void brotliIsChosenWhenTheClientTakesIt() throws Exception {
        Brotli4jLoader.ensureAvailability();
        for (String acceptEncoding : new String[] {"br", "gzip, deflate, br"}) {
            byte[] body = given().config(RAW)
                    .header("Accept-Encoding", acceptEncoding)
                    .get("/api/articles")
                    .then()
                    .statusCode(200)
                    .header("Content-Encoding", equalTo("br"))
                    .extract()
                    .asByteArray();
            String json = new String(Decoder.decompress(body).getDecompressedData(), StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{"), json);
        }
    }
}
