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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

        given().queryParam("find", host)
                .get("/sources")
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

    @Test
    void aHundredSourcesMakeAPageAndTheFindAndOrderCarryOver() {
        String domain = uniqueDomain();
        String[] files = new String[SourcesPage.PAGE_SIZE + 1];
        for (int i = 0; i < files.length; i++) {
            files[i] = article("Story " + i, LocalDate.of(2022, 1, 5), "https://s" + i + "." + domain + "/1", "Text.");
        }
        ingest(files);

        String first = given().queryParam("find", domain)
                .queryParam("order", "host")
                .get("/sources")
                .then()
                .statusCode(200)
                .body(containsString("<h1>101 sources, 101 articles</h1>"))
                .body(containsString("Showing 1–100 of 101"))
                .body(not(containsString("rel=\"prev\"")))
                .extract()
                .asString();
        assertEquals(SourcesPage.PAGE_SIZE, first.split("<tr><td data-label=\"Source\">", -1).length - 1);
        assertTrue(first.contains("<a rel=\"next\" href=\"/sources?find=" + domain + "&amp;order=host&amp;page=2\">"));

        String second = given().queryParam("find", domain)
                .queryParam("order", "host")
                .queryParam("page", "2")
                .get("/sources")
                .then()
                .statusCode(200)
                .body(containsString("Showing 101–101 of 101"))
                .body(containsString("<a rel=\"prev\" href=\"/sources?find=" + domain + "&amp;order=host\">"))
                .body(not(containsString("rel=\"next\"")))
                .extract()
                .asString();
        assertEquals(1, second.split("<tr><td data-label=\"Source\">", -1).length - 1);

        given().queryParam("find", domain)
                .queryParam("page", "3")
                .get("/sources")
                .then()
                .statusCode(400)
                .body(containsString("<code>page</code>"))
                .body(containsString("from 1 to 2"));
    }
}
