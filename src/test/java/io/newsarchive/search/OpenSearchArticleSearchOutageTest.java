package io.newsarchive.search;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * OpenSearch configured but not answering: ingest keeps working, its changes wait in the outbox, searches are
 * answered by PostgreSQL, and {@code /q/health} says search is degraded and how far the index lags.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@TestProfile(OpenSearchArticleSearchOutageTest.Unreachable.class)
class OpenSearchArticleSearchOutageTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on the discard port: every request is refused at once
            return Map.of(
                    "catalog.search.opensearch.url", "http://127.0.0.1:9",
                    "catalog.search.opensearch.timeout", "PT2S");
        }
    }

    @Test
    void searchesAreAnsweredByPostgresqlAndChangesWaitForTheIndex() throws Exception {
        String word = CatalogFixtures.uniqueWord();
        List<Long> ids = CatalogFixtures.ingest(article(
                "An outage " + word,
                LocalDate.of(2022, 4, 1),
                "https://news." + CatalogFixtures.uniqueDomain() + "/o",
                "Text of the outage."));

        given().get("/api/articles?q=" + word)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(ids.get(0).intValue()));
        given().get("/?q=" + word).then().statusCode(200);
        given().get("/api/export?format=csv&q=" + word).then().statusCode(200);

        assertEquals(1, waitingChanges(ids.get(0)), "the change waits in the outbox");
        Thread.sleep(2600);
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'search' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'search' }.data.engine", equalTo("opensearch"))
                .body("checks.find { it.name == 'search' }.data.degraded", equalTo(true))
                .body("checks.find { it.name == 'search' }.data.indexing_problem", containsString("Exception"))
                .body("checks.name", hasItem("search"));
        assertEquals(1, waitingChanges(ids.get(0)), "nothing leaves the outbox while OpenSearch is down");
        asAdmin()
                .get("/admin")
                .then()
                .statusCode(200)
                .body(containsString("OpenSearch, not answering: PostgreSQL searches meanwhile; index "))
                .body(containsString(" s behind; the indexer cannot reach it"));
    }

    private static int waitingChanges(long articleId) throws Exception {
        try (Connection c = CatalogTestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("select count(*) from article_change where article_id = ?")) {
            ps.setLong(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
