package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** {@code /sources} and {@code /sources/{host}}, as HTML with their JSON twins. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SourcesPageTest {

    @Test
    void sourcesAreListedWithCountsAndEachHasItsCatalog() {
        String host = "news." + uniqueDomain();
        ingest(
                article("First <b>bold</b> claim", LocalDate.of(2022, 1, 5), "https://" + host + "/1", "Text."),
                article("Second", LocalDate.of(2022, 3, 9), "https://" + host + "/2", "Text."));

        given().get("/sources")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<a href=\"/sources/" + host + "\">" + host + "</a>"))
                .body(containsString("<link rel=\"alternate\" type=\"application/json\" href=\"/api/sources\">"));

        given().get("/sources/www." + host)
                .then()
                .statusCode(200)
                .body(containsString("2 articles"))
                .body(containsString("First &lt;b&gt;bold&lt;/b&gt; claim"))
                .body(containsString("href=\"/api/articles?source=" + host + "\""));

        given().get("/sources/nowhere." + host)
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("no source nowhere." + host));
    }
}
