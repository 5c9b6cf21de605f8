package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** robots.txt names the sitemap index; the sitemaps list the public articles' pages and leave withdrawn ones out. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class SitemapResourceTest {

    @Inject
    ArticleCorrections corrections;

    @Test
    void theSitemapsListThePublicArticlesPages() {
        long kept = CatalogFixtures.ingest(article("Mapped", LocalDate.of(2024, 5, 6), uniqueUrl(), "Text."))
                .get(0);
        long gone = CatalogFixtures.ingest(article("Gone", LocalDate.of(2024, 5, 6), uniqueUrl(), "Text."))
                .get(0);
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(gone, "legal takedown", 1, "bob"));

        given().get("/robots.txt")
                .then()
                .statusCode(200)
                .body(containsString("Disallow: /admin/"))
                .body(containsString("Sitemap: http"))
                .body(containsString("/sitemap.xml"));
        XmlPath index = new XmlPath(
                given().get("/sitemap.xml").then().statusCode(200).extract().asString());
        List<String> sitemaps = index.getList("sitemapindex.sitemap.loc");
        assertFalse(sitemaps.isEmpty());
        String first = URI.create(sitemaps.get(0)).getPath();
        XmlPath urls =
                new XmlPath(given().get(first).then().statusCode(200).extract().asString());
        List<String> pages = urls.getList("urlset.url.loc");
        assertTrue(pages.stream().anyMatch(p -> p.endsWith("/articles/" + kept)), pages.toString());
        assertFalse(pages.stream().anyMatch(p -> p.endsWith("/articles/" + gone)), "withdrawn: not public");
        given().get("/").then().statusCode(200).body(containsString("<h1"));
    }
}
