package io.newsarchive.system;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A page asked for as JSON redirects to its JSON twin with the same parameters; browsers still get the page. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class JsonTwinsTest {

    @Test
    void pagesAskedForAsJsonRedirectToTheirTwins() {
        long id = CatalogFixtures.ingest(article("Twin", LocalDate.of(2024, 5, 6), uniqueUrl(), "Text."))
                .get(0);
        given().redirects()
                .follow(false)
                .accept("application/json")
                .get("/?q=twin&limit=5")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/api/articles?q=twin&limit=5"));
        given().accept("application/json")
                .get("/articles/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id));
        given().accept("application/json")
                .get("/sources")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        given().accept("text/html,application/xhtml+xml,application/json;q=0.9")
                .get("/articles/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"));
    }
}
