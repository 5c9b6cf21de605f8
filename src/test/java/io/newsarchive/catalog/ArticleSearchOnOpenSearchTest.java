package io.newsarchive.catalog;

import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.SearchIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every listing and search case of {@link ArticleSearchTest} with OpenSearch as the search engine: text queries
 * go to OpenSearch (listings without one stay with PostgreSQL), and must answer as PostgreSQL does.
 */
@QuarkusTest
@TestProfile(OpenSearchTestResource.Profile.class)
class ArticleSearchOnOpenSearchTest extends ArticleSearchTest {

    @Test
    void textSearchesAreAnsweredByOpenSearch() {
        String word = uniqueWord();
        String host = "news." + uniqueDomain();
        for (int i = 0; i < 3; i++) {
            ingest(article(
                    "Ranked " + word + " " + i, LocalDate.of(2022, 6, 1 + i), "https://" + host + "/" + i, "Text."));
        }
        SearchIndex.catchUp();
        String cursor = given().get("/api/articles?limit=1&q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .extract()
                .path("next_cursor");
        // a relevance cursor of OpenSearch holds a score, where PostgreSQL's holds a tier
        String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|")[3];
        assertTrue(key.matches("s[0-9.E-]+/2022-06-0[123]"), key);
        given().get("/q/health")
                .then()
                .body("checks.find { it.name == 'search' }.data.engine", equalTo("opensearch"))
                .body("checks.find { it.name == 'search' }.data.degraded", equalTo(false));
        given().get("/q/metrics").then().statusCode(200).body(containsString("catalog_search_index_lag_seconds"));
    }
}
