package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A listing that cannot finish within {@code catalog.browse.statement-timeout} (here 2 s; the articles are locked
 * by another transaction) is stopped and answered 503 with a message to narrow it; while the only text-search turn
 * ({@code catalog.browse.text-searches=1}) is taken, another text search is refused after half the timeout. Both
 * refusals are counted on {@code /q/metrics}.
 */
@QuarkusTest
@TestProfile(PostgresSearchTimeoutTest.ShortTimeout.class)
@QuarkusTestResource(CatalogTestDatabase.class)
class PostgresSearchTimeoutTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.browse.statement-timeout", "PT2S", "catalog.browse.text-searches", "1");
        }
    }

    @Test
    void aListingThatRunsOutOfTimeIsA503AndTextSearchesTakeTurns() throws Exception {
        String word = uniqueWord();
        ingest(article("The " + word, LocalDate.of(2022, 4, 1), "https://news." + uniqueDomain() + "/1", "Text."));
        given().get("/api/articles?q=" + word).then().statusCode(200).body("total", equalTo(1));
        MetricsScrape before = MetricsScrape.now();

        try (Connection lock = CatalogTestDatabase.connect();
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table article in access exclusive mode");

            long start = System.nanoTime();
            CompletableFuture<Response> first =
                    CompletableFuture.supplyAsync(() -> given().get("/api/articles?q=" + word));
            Thread.sleep(300);
            Response second = given().get("/api/articles?q=" + word + "+other");
            long secondMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            second.then().statusCode(503).body("error", equalTo("busy"));
            assertTrue(
                    secondMillis < 2000,
                    "the second search was refused before the first ran out (" + secondMillis + " ms)");

            Response timedOut = first.get(10, TimeUnit.SECONDS);
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            timedOut.then()
                    .statusCode(503)
                    .body("error", equalTo("timeout"))
                    .body("parameter", equalTo("q"))
                    .body("message", containsString("narrow it"));
            assertTrue(firstMillis >= 1900 && firstMillis < 4000, "stopped at the timeout (" + firstMillis + " ms)");

            // a listing without a text query is bounded too, and its page says so
            given().get("/?source=nowhere.example").then().statusCode(503).body(containsString("narrow it"));
            lock.rollback();
        }
        MetricsScrape after = MetricsScrape.now();
        assertEquals(1, after.since(before, "catalog_search_refused_total", "reason", "busy"));
        assertEquals(
                2,
                after.since(before, "catalog_search_refused_total", "reason", "timeout"),
                "the API's and the page's");
        given().get("/api/articles?q=" + word).then().statusCode(200).body("total", equalTo(1));
        assertEquals(200, given().get("/api/articles").statusCode());
    }

    /**
     * Top words, coverage and comparisons read the matches as a listing does, within its time: refused alike
     * (MatchStatistics, Comparisons).
     */
    @Test
    void topWordsCoverageAndComparisonsThatRunOutOfTimeAreA503AsListingsAre() throws Exception {
        String word = uniqueWord();
        String other = uniqueWord();
        ingest(article("The " + word, LocalDate.of(2022, 4, 1), "https://news." + uniqueDomain() + "/1", "Text."));
        try (Connection lock = CatalogTestDatabase.connect();
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table article in access exclusive mode");
            for (String path : new String[] {"/api/words", "/api/coverage", "/api/coverage.csv", "/coverage"}) {
                given().get(path + "?q=" + word).then().statusCode(503).body(containsString("narrow it"));
            }
            // a comparison's query too, named by its number
            given().get("/api/compare?q1=" + other + "&q2=" + word)
                    .then()
                    .statusCode(503)
                    .body("parameter", equalTo("q1"))
                    .body("message", startsWith("query 1: "));
            for (String path : new String[] {"/api/compare.csv", "/compare"}) {
                given().get(path + "?q1=" + word).then().statusCode(503).body(containsString("narrow it"));
            }
            lock.rollback();
        }
        given().get("/api/words?q=" + word).then().statusCode(200).body("articles", equalTo(1));
    }

    /** Who copies whom that runs out of time is a 503 that asks for a shorter period, on its API, CSV and page. */
    @Test
    void whoCopiesWhomThatRunsOutOfTimeIsA503() throws Exception {
        try (Connection lock = CatalogTestDatabase.connect();
                Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("lock table passage_source_day in access exclusive mode");
            for (String path :
                    new String[] {"/api/reuse/source-pairs", "/api/reuse/source-pairs.csv", "/source-pairs"}) {
                given().get(path + "?from=2022-01-01&to=2022-12-31")
                        .then()
                        .statusCode(503)
                        .body(containsString("try a shorter period"));
            }
            lock.rollback();
        }
        given().get("/api/reuse/source-pairs?from=2022-01-01&to=2022-12-31")
                .then()
                .statusCode(200);
    }
}
