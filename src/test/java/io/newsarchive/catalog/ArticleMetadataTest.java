package io.newsarchive.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article's page in headless Chromium: its schema.org JSON-LD as the browser reads the script element (parsed
 * with Jackson), its Dublin Core meta tags, its canonical link and its citation addresses; a headline that tries to
 * end the script element stays data; a withdrawn article's page carries no metadata.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticleMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Inject
    ArticleCorrections corrections;

    @Test
    void theJsonLdAndDublinCoreDescribeTheArticleAndFollowACorrection() throws Exception {
        String url = uniqueUrl();
        String file =
                article("Talks resume in Geneva", LocalDate.of(2024, 5, 6), url + "?utm_source=x", "One.", "Two.");
        long id = ingest(file).get(0);
        String citation = browser.url("/articles/" + id);
        String host = URI.create(url).getHost().substring("www.".length());

        browser.get(citation);
        JsonNode ld = jsonLd();
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals(citation, ld.get("@id").asText());
        assertEquals(citation, ld.get("url").asText());
        assertEquals(citation, ld.get("identifier").asText());
        assertEquals("Talks resume in Geneva", ld.get("headline").asText());
        assertEquals("2024-05-06", ld.get("datePublished").asText());
        assertEquals(url + "?utm_source=x", ld.get("isBasedOn").asText(), "the page it was taken from, as written");
        assertEquals("Organization", ld.get("publisher").get("@type").asText());
        assertEquals(host, ld.get("publisher").get("name").asText());
        assertTrue(ld.get("isAccessibleForFree").asBoolean());
        assertEquals(1, ld.get("version").asInt());
        assertEquals(2, ld.get("wordCount").asInt());
        assertEquals(
                Hashing.sha256().hashString(file, StandardCharsets.UTF_8).toString(),
                ld.get("encoding").get("sha256").asText());
        assertEquals(
                browser.url("/api/articles/" + id + "/original"),
                ld.get("encoding").get("contentUrl").asText());
        assertNull(ld.get("dateModified"), "never corrected");
        assertNull(ld.get("inLanguage"), "the catalog does not know the language");

        Map<String, String> dc = new LinkedHashMap<>();
        dc.put("DC.title", "Talks resume in Geneva");
        dc.put("DC.date", "2024-05-06");
        dc.put("DC.source", url + "?utm_source=x");
        dc.put("DC.identifier", citation);
        dc.put("DC.publisher", host);
        dc.put("DC.type", "Text");
        dc.put("DC.format", "text/plain");
        assertEquals(dc, dublinCore());
        assertEquals(
                "http://purl.org/dc/elements/1.1/",
                browser.findElement(By.cssSelector("link[rel='schema.DC']")).getAttribute("href"));
        assertEquals(
                citation,
                browser.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href"));

        assertEquals("Cite this", browser.findElement(By.id("cite-heading")).getText());
        assertEquals(citation, browser.findElement(By.id("cite-version")).getAttribute("value"));
        String latest = browser.findElement(By.id("cite-latest")).getAttribute("value");
        assertEquals(browser.url("/cite?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)), latest);
        // the address is encoded already
        given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(latest)
                .then()
                .statusCode(303)
                .header("Location", citation);

        assertInstanceOf(
                ArticleCorrections.Saved.class,
                corrections.edit(
                        id,
                        new ArticleCorrections.Correction("Talks resumed in Geneva", "2024-05-06", url, "", "typo", 1),
                        "bob"));
        browser.get(citation);
        ld = jsonLd();
        assertEquals("Talks resumed in Geneva", ld.get("headline").asText());
        assertTrue(
                ld.get("dateModified").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
                ld.toString());
        assertEquals("Talks resumed in Geneva", dublinCore().get("DC.title"));
    }

    @Test
    void aHeadlineThatTriesToEndTheScriptStaysData() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- & \"quoted\" '</SCRIPT>";
        long id = ingest(article(hostile, uniqueUrl(), "Text.")).get(0);

        browser.open("/articles/" + id);
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(hostile, jsonLd().get("headline").asText());
        assertEquals(hostile, browser.findElement(By.tagName("h1")).getText());
        assertEquals(hostile, dublinCore().get("DC.title"));
        assertEquals(
                1,
                browser.findElements(By.tagName("script")).size(),
                "the JSON-LD is the page's one script element: the headline made none");

        // as an HTML parser reads it: the element's text runs to the first </script> after its start
        String html =
                given().get("/articles/" + id).then().statusCode(200).extract().asString();
        String start = "<script type=\"application/ld+json\">";
        int text = html.indexOf(start) + start.length();
        String script = html.substring(text, html.indexOf("</script>", text));
        assertFalse(script.contains("<"), script);
        assertEquals(hostile, JSON.readTree(script).get("headline").asText());
    }

    @Test
    void aWithdrawnArticlesPageCarriesNoMetadata() {
        String url = uniqueUrl();
        long id = ingest(article("Taken down", url, "Text.")).get(0);
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(id, "legal takedown", 1, "bob"));

        browser.open("/articles/" + id);
        assertTrue(browser.findElements(By.cssSelector("script[type='application/ld+json']"))
                .isEmpty());
        assertTrue(browser.findElements(By.cssSelector("meta[name^='DC.']")).isEmpty());
        assertEquals(
                "noindex",
                browser.findElement(By.cssSelector("meta[name=robots]")).getAttribute("content"));
        assertEquals(
                browser.url("/articles/" + id),
                browser.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href"));
        assertTrue(browser.findElements(By.id("cite-latest")).isEmpty(), "a withdrawn article has no public latest");
        given().redirects()
                .follow(false)
                .queryParam("url", url)
                .get("/cite")
                .then()
                .statusCode(404);
    }

    /** The page's one JSON-LD script element, as the browser holds its text, parsed. */
    private static JsonNode jsonLd() throws Exception {
        List<WebElement> scripts = browser.findElements(By.cssSelector("script[type='application/ld+json']"));
        assertEquals(1, scripts.size());
        String text = (String)
                ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent", scripts.get(0));
        return JSON.readTree(text);
    }

    private static Map<String, String> dublinCore() {
        Map<String, String> dc = new LinkedHashMap<>();
        for (WebElement meta : browser.findElements(By.cssSelector("meta[name^='DC.']"))) {
            dc.put(meta.getAttribute("name"), meta.getAttribute("content"));
        }
        return dc;
    }
}
