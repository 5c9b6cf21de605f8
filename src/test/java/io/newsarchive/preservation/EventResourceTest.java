package io.newsarchive.preservation;

import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.ArticleCorrections.Correction;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preservation event log: every ingestion, correction, withdrawal and export of originals is an event, per
 * article ({@code /api/articles/{id}/events}) and for the catalog ({@code /api/events}, for archivists).
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class EventResourceTest {

    @Inject
    ArticleCorrections corrections;

    @Test
    void anArticlesLifeIsItsEventsInPremisTerms() {
        String url = uniqueUrl();
        String host = URI.create(url).getHost().substring(4);
        long id = CatalogFixtures.ingest(article("Headline", LocalDate.of(2024, 3, 1), url, "Text."))
                .get(0);
        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(id, new Correction("Better headline", "2024-03-01", url, "", "typo", 1), "alice"));
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(id, "legal takedown", 2, "bob"));
        asAdmin()
                .get("/api/export?format=bagit&status=all&source=" + host)
                .then()
                .statusCode(200);

        JsonPath events = given().get("/api/articles/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("ingestion", "metadata modification", "deaccession"), events.getList("event_type"));
        assertEquals(List.of("success", "success", "success"), events.getList("outcome"));
        assertEquals("alice", events.getString("[1].agent"));
        assertEquals("corrected headline: typo", events.getString("[1].outcome_detail"));
        assertEquals("withdrawn: legal takedown", events.getString("[2].outcome_detail"));
        String sha256 = given().get("/api/articles/" + id).then().extract().path("sha256");
        assertTrue(events.getString("[0].outcome_detail").endsWith("SHA-256 " + sha256), events.getString("[0]"));

        List<Map<String, Object>> sent = asAdmin()
                .get("/api/events?type=dissemination&agent=test-admin&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, sent.size());
        assertTrue(((String) sent.get(0).get("identifier")).startsWith("urn:uuid:"), sent.toString());
        assertTrue(
                ((String) sent.get(0).get("outcome_detail")).startsWith("1 original sent in the bag "),
                sent.toString());
    }

    @Test
    void theCatalogsLogIsFilteredAndPagedNewestFirst() {
        String url = uniqueUrl();
        CatalogFixtures.ingest(
                article("One", LocalDate.of(2024, 3, 1), url, "Text."),
                article("Two", LocalDate.of(2024, 3, 1), url.replace("story", "other"), "Text."));
        JsonPath first = asAdmin()
                .get("/api/events?type=ingestion&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String next = first.getString("next");
        assertTrue(next.startsWith("/api/events?type=ingestion&limit=1&before="), next);
        long newest = first.getLong("items[0].id");
        long older =
                asAdmin().get(next).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        assertTrue(older < newest, "the next page is older");
    }

    @Test
    void badFiltersAreNamedAndTheCatalogsLogIsForArchivists() {
        asAdmin()
                .get("/api/events?type=shredding")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("type"))
                .body("message", containsString("fixity check"));
        asAdmin().get("/api/events?from=yesterday").then().statusCode(400).body("parameter", equalTo("from"));
        given().get("/api/events").then().statusCode(401);
        given().get("/api/articles/999999999/events").then().statusCode(404);
    }
}
