package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.newsarchive.testing.TestUsers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A query parameter an API endpoint does not take is a 400 naming it, not a filter silently ignored. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class UnknownParametersTest {

    @Test
    void anUnknownParameterIsNamedWithTheOnesTheEndpointTakes() {
        given().get("/api/articles?url=https://www.bbc.co.uk/news/1")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("url"))
                .body(
                        "message",
                        containsString(
                                "unknown parameter url: GET /api/articles takes all_versions, collection, cursor,"));
        given().get("/api/export?format=csv&sha256=abc").then().statusCode(400).body("parameter", equalTo("sha256"));
        given().get("/api/articles/1/events?limit=5")
                .then()
                .statusCode(400)
                .body("message", containsString("takes no parameter"));
        asAdmin().get("/api/events?kind=ingestion").then().statusCode(400).body("parameter", equalTo("kind"));
    }

    @Test
    void theParametersAnEndpointTakesStillWork() {
        given().get("/api/articles?q=geneva&source=bbc.co.uk&all_versions=true&facets=false&limit=5")
                .then()
                .statusCode(200);
        given().get("/api/export?format=csv&end_line=true&bom=false&spreadsheet_safe=true&source=bbc.co.uk")
                .then()
                .statusCode(200);
        given().get("/oai?verb=Identify").then().statusCode(200);
        given().get("/?q=geneva&utm_source=newsletter").then().statusCode(200);
    }
}
