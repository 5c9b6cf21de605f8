package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A text query with more matches than {@code catalog.browse.count-limit} (3 here): estimates, and exact on request. */
@QuarkusTest
@TestProfile(ArticleSearchCountLimitTest.SmallCountLimit.class)
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleSearchCountLimitTest {

    public static class SmallCountLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.browse.count-limit", "3");
        }
    }

    @Test
    void manyMatchesAreEstimatedUntilAnExactCountIsAskedFor() {
        String domain = uniqueDomain();
        String word = uniqueWord();
        ingest(List.of(0, 1, 2, 3, 4).stream()
                .map(i -> article(
                        "Story " + i,
                        LocalDate.of(2022, 4, 1 + i),
                        "https://" + (i % 2 == 0 ? "news." : "sport.") + domain + "/" + i,
                        "The " + word + " again."))
                .toArray(String[]::new));

        JsonPath estimated = given().get("/api/articles?q=" + word)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(estimated.getBoolean("total_is_estimate"));
        assertTrue(estimated.getLong("total") >= 3);
        assertEquals(3, estimated.getInt("facets_sample_size"));
        assertEquals(
                3,
                estimated.<Integer>getList("facets.source.count").stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertEquals(5, estimated.getList("items").size(), "the page itself is complete");

        JsonPath exact = given().get("/api/articles?q=" + word + "&exact_total=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFalse(exact.getBoolean("total_is_estimate"));
        assertEquals(5, exact.getLong("total"));
        assertNull(exact.get("facets_sample_size"));
        assertEquals(
                5,
                exact.<Integer>getList("facets.source.count").stream()
                        .mapToInt(Integer::intValue)
                        .sum());

        // a comparison counts every match, whatever the limit: 5 in April 2022, one a day
        assertEquals(
                List.of(5),
                given().get("/api/compare?q1=" + word)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("periods.collect { it.matches[0] }"));
        assertEquals(
                List.of(1, 1, 1, 1, 1),
                given().get("/api/compare?q1=" + word + "&from1=2022-04-01&to1=2022-04-05")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("periods.collect { it.matches[0] }"));

        given().get("/?q=" + word)
                .then()
                .statusCode(200)
                .body(containsString("About "))
                .body(containsString("href=\"/?q=" + word + "&amp;exact_total=true\">count exactly</a>"))
                .body(containsString("cover the first 3 matches"));
        given().get("/?q=" + word + "&exact_total=true").then().statusCode(200).body(containsString(">5 articles"));
    }
}
