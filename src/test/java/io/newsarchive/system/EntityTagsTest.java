package io.newsarchive.system;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Pages and API answers carry a weak ETag; {@code If-None-Match} naming it, weak or strong, alone or in a list, gets
 * a 304 without a body, and a changed answer gets a new tag. Exports, which stream, carry none.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class EntityTagsTest {

    @Test
    void anUnchangedAnswerIsNotSentAgain() {
        long id = CatalogFixtures.ingest(article("Tagged answers", uniqueUrl(), "One sentence."))
                .get(0);
        for (String path : new String[] {
            "/", "/api/articles", "/articles/" + id, "/api/articles/" + id, "/api/sources", "/sitemap.xml"
        }) {
            String tag = given().get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", matchesPattern("W/\"[0-9a-f]{32}\""))
                    .extract()
                    .header("ETag");
            String strong = tag.substring(2);
            for (String ifNoneMatch : new String[] {tag, strong, "\"other\", " + tag, "*"}) {
                given().header("If-None-Match", ifNoneMatch)
                        .get(path)
                        .then()
                        .statusCode(304)
                        .header("ETag", equalTo(tag))
                        .body(emptyString());
            }
            given().header("If-None-Match", "W/\"other\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void aChangedAnswerHasAnotherTag() {
        String before = given().get("/api/articles").then().extract().header("ETag");
        CatalogFixtures.ingest(article("A newer answer", uniqueUrl(), "One sentence."));
        String after = given().get("/api/articles").then().extract().header("ETag");
        assertNotEquals(before, after);
        given().header("If-None-Match", before).get("/api/articles").then().statusCode(200);
        assertEquals(after, given().get("/api/articles").then().extract().header("ETag"));
    }

    @Test
    void streamsCarryNoneAndAreSentWhole() {
        CatalogFixtures.ingest(article("A streamed answer", uniqueUrl(), "One sentence."));
        given().get("/api/export?format=csv").then().statusCode(200).header("ETag", nullValue());
        given().get("/api/export?format=json")
                .then()
                .statusCode(200)
                .header("ETag", nullValue())
                .body("size()", greaterThan(0));
    }
}
