package io.newsarchive.catalog;

import io.newsarchive.testing.OpenSearchTestResource;
import io.newsarchive.testing.SearchIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every case of {@link ComparePageTest} with OpenSearch as the search engine: a comparison counts on PostgreSQL
 * whichever engine answers searches, so its numbers are the same.
 */
@QuarkusTest
@TestProfile(OpenSearchTestResource.Profile.class)
class ComparePageOnOpenSearchTest extends ComparePageTest {

    /** The catalog page that links to a comparison lists its matches from the index. */
    @BeforeEach
    void indexTheFixtures() {
        SearchIndex.catchUp();
    }

    @Test
    void openSearchAnswersTheSearches() {
        given().get("/q/health").then().body("checks.find { it.name == 'search' }.data.engine", equalTo("opensearch"));
    }
}
