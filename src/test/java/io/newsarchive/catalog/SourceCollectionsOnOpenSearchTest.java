package io.newsarchive.catalog;

import io.newsarchive.account.Role;
import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.SearchIndex;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every case of {@link SourceCollectionsTest} with OpenSearch as the search engine: a text search filtered by a
 * collection, its collection facet and its export are answered by OpenSearch, as PostgreSQL answers them.
 */
@QuarkusTest
@TestProfile(OpenSearchTestResource.Profile.class)
class SourceCollectionsOnOpenSearchTest extends SourceCollectionsTest {

    /** OpenSearch answers, rather than PostgreSQL in its place, even with an empty collection in the facet. */
    @Test
    void aTextSearchInACollectionIsAnsweredByOpenSearch() {
        String word = uniqueWord();
        String host = "news." + uniqueDomain();
        ingest(article("Found " + word, LocalDate.of(2023, 6, 1), "https://" + host + "/1", "Text."));
        SearchIndex.catchUp();
        TestUsers.BrowserSession archivist = TestUsers.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        for (String[] fields :
                new String[][] {{"name", "Engine " + word, "sources", host}, {"name", "Empty " + word}}) {
            var request = archivist
                    .request()
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", archivist.csrf());
            for (int i = 0; i < fields.length; i += 2) {
                request.formParam(fields[i], fields[i + 1]);
            }
            request.post("/admin/collections").then().statusCode(303);
        }
        given().queryParam("q", word)
                .queryParam("collection", "engine-" + word)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("facets.collection.find { it.value == 'empty-" + word + "' }.count", equalTo(0));
        given().get("/q/health")
                .then()
                .body("checks.find { it.name == 'search' }.data.engine", equalTo("opensearch"))
                .body("checks.find { it.name == 'search' }.data.degraded", equalTo(false));
    }
}
