package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** {@code /cite?url=} leads to the latest public version of a URL however it is spelt, and says why when it cannot. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class CitationResourceTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ArticleCorrections corrections;

    @Test
    void theLatestVersionOfAUrlIsFoundAsIngestNormalizesIt() {
        String host = "www.cite-" + UUID.randomUUID().toString().substring(0, 8) + ".org";
        String url = "https://" + host + "/world/story?id=7";
        List<Long> ids = ingest(article("First", url, "One."), article("Second", url, "One.", "Two."));

        for (String spelling : new String[] {
            url, "HTTPS://" + host.toUpperCase() + ":443/world/story?utm_source=feed&id=7#top", " " + url + " "
        }) {
            given().redirects()
                    .follow(false)
                    .queryParam("url", spelling)
                    .get("/cite")
                    .then()
                    .statusCode(303)
                    .header("Location", equalTo(root + "articles/" + ids.get(1)));
        }
        // the citation address of one version stays that version
        given().get("/articles/" + ids.get(0)).then().statusCode(200).body(containsString("First"));

        // withdrawing concerns every version of the article: none is left to cite
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(ids.get(1), "takedown", 1, "bob"));
        given().redirects()
                .follow(false)
                .queryParam("url", url)
                .get("/cite")
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownUrlIsA404NamingIt() {
        String url = "https://unknown-" + UUID.randomUUID().toString().substring(0, 8) + ".org/a";
        given().redirects()
                .follow(false)
                .queryParam("url", url)
                .get("/cite")
                .then()
                .statusCode(404)
                .body(containsString("no public article of " + url));
    }

    @Test
    void aMissingOrInvalidUrlIsA400NamingTheParameter() {
        for (String bad : new String[] {null, "", "ftp://example.org/a", "not a url", "https:///path"}) {
            var request = given().redirects().follow(false);
            if (bad != null) {
                request.queryParam("url", bad);
            }
            request.get("/cite")
                    .then()
                    .statusCode(400)
                    .body(containsString("The parameter at fault is <code>url</code>"));
        }
    }
}
