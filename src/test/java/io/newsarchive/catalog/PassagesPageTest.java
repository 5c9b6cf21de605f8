package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.ReuseLinking;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The passage form and where it leads, in headless Chromium: a quote pasted over two lines lists its carriers on the
 * catalog page, which shows the passage as a filter to remove; an article's shared sentence links to the same list.
 * And a passage's own page: its words, its carriers per month and earliest first.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class PassagesPageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void aPastedQuoteListsEveryArticleThatCarriesIt() {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        ReuseLinking.linkAll();
        browser.open("/");
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Find who carried a passage")));
        WebElement box = browser.findElement(By.id("passage"));
        assertEquals(
                1, browser.findElements(By.cssSelector("label[for=passage]")).size());
        String curly = quoted.renderings().get(1);
        int cut = curly.indexOf(" a deal");
        // pasted as a page wraps it: a line break inside
        box.sendKeys(curly.substring(0, cut), Keys.chord(Keys.SHIFT, Keys.ENTER), curly.substring(cut + 1));
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.cssSelector("form.passage button")));
        assertEquals("3 articles", heading());
        assertEquals(Set.copyOf(quoted.carriers()), listed());
        WebElement filter = browser.findElement(By.cssSelector(".filters a[href]"));
        assertTrue(filter.getText().startsWith("carrying “Minister "), filter.getText());
        assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));

        // a search typed now keeps the passage
        browser.findElement(By.id("q")).sendKeys(quoted.word());
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertEquals(Set.copyOf(quoted.carriers()), listed());
        HeadlessChromium.clickAndLoad(
                browser, browser.findElement(By.cssSelector(".filters")).findElement(By.partialLinkText("carrying")));
        assertFalse(browser.getCurrentUrl().contains("passage="), browser.getCurrentUrl());
        assertEquals(4, listed().size(), "the unrelated article has the word too");

        browser.open("/articles/" + quoted.unrelated());
        assertTrue(browser.findElements(By.linkText("Every article carrying this passage"))
                .isEmpty());
        browser.open("/articles/" + quoted.carriers().get(0));
        browser.findElement(By.cssSelector("details.reuse summary")).click();
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Every article carrying this passage")));
        assertEquals(Set.copyOf(quoted.carriers()), listed());
    }

    @Test
    void aPassagesPageChartsItsCarriersPerMonthAndListsThemEarliestFirst() {
        CatalogFixtures.QuotedArticles quoted = CatalogFixtures.ingestQuotedArticles();
        String later = "news." + CatalogFixtures.uniqueDomain();
        long late = CatalogFixtures.ingest(article(
                        "Farm talks again",
                        LocalDate.of(2023, 7, 2),
                        "https://" + later + "/again.html",
                        "Talks went on.",
                        quoted.renderings().get(0)))
                .get(0);
        ReuseLinking.linkAll();
        long passage = given().get("/api/articles/" + quoted.carriers().get(0) + "/reuse")
                .then()
                .statusCode(200)
                .body("sentences.sentence", equalTo(List.of(2)))
                .extract()
                .jsonPath()
                .getLong("sentences[0].passage_id");

        given().get("/api/passages/" + passage)
                .then()
                .statusCode(200)
                .body("passage_id", equalTo((int) passage))
                .body("words", equalTo(quoted.renderings().get(0)))
                .body("boilerplate", equalTo(false))
                .body("articles", equalTo(4))
                .body("months.month", equalTo(List.of("2023-05", "2023-07")))
                .body("months.articles", equalTo(List.of(3, 1)))
                .body(
                        "carriers.article_id",
                        equalTo(List.of(
                                quoted.carriers().get(0).intValue(),
                                quoted.carriers().get(1).intValue(),
                                quoted.carriers().get(2).intValue(),
                                (int) late)))
                .body(
                        "carriers.source",
                        equalTo(List.of(
                                quoted.hosts().get(0),
                                quoted.hosts().get(1),
                                quoted.hosts().get(2),
                                later)))
                .body("carriers[0].published", equalTo("2023-05-10"))
                .body("carriers[0].sentence", equalTo(2));

        String page = given().get("/passages/" + passage)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                page.contains("<blockquote class=\"passage\"><p>"
                        + quoted.renderings().get(0).replace("\"", "&quot;") + "</p></blockquote>"),
                page);
        assertTrue(page.contains("4 articles, earliest first"), page);
        // the chart's table: a month a row, June's gap too, each linked to its carriers in the catalog
        for (String row : List.of(
                "from=2023-05-01&amp;to=2023-05-31\">2023-05</a></th><td class=\"num\">3</td>",
                "from=2023-06-01&amp;to=2023-06-30\">2023-06</a></th><td class=\"num\">0</td>",
                "from=2023-07-01&amp;to=2023-07-31\">2023-07</a></th><td class=\"num\">1</td>")) {
            assertTrue(page.contains(row), row);
        }
        assertTrue(page.contains("<figure class=\"chart timeline\""));
        List<Long> listed = new ArrayList<>();
        Matcher carrier = Pattern.compile("<a href=\"/articles/(\\d+)#s2\">").matcher(page);
        while (carrier.find()) {
            listed.add(Long.valueOf(carrier.group(1)));
        }
        List<Long> expected = new ArrayList<>(quoted.carriers());
        expected.add(late);
        assertEquals(expected, listed);

        // an article's shared sentence links here, and the page's JSON twin is the API's
        assertTrue(given().get("/articles/" + late)
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("<a href=\"/passages/" + passage + "\">This passage over time</a>"));
        given().accept("application/json")
                .redirects()
                .follow(false)
                .get("/passages/" + passage)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/api/passages/" + passage));

        for (String bad : List.of("abc", "0", "-3")) {
            given().get("/api/passages/" + bad).then().statusCode(400).body("parameter", equalTo("id"));
            given().accept("text/html").get("/passages/" + bad).then().statusCode(400);
        }
        given().get("/api/passages/999999999999").then().statusCode(404);
        given().accept("text/html").get("/passages/999999999999").then().statusCode(404);
    }

    @Test
    void aPassageMergedIntoAnotherLeadsToIt() {
        String first = quote();
        String second = quote();
        String third = quote();
        List<Long> carriers = new ArrayList<>(quoting("\"" + first + ".\"", "\"" + first + ".\""));
        ReuseLinking.linkAll();
        // the second quote's passage is later, so its id is the one to go; its second carrier quotes the third too
        carriers.addAll(quoting("\"" + second + ".\"", "She said \"" + second + "\" and \"" + third + "\" to them."));
        ReuseLinking.linkAll();
        long firstPassage = passageOf(carriers.get(0));
        long secondPassage = passageOf(carriers.get(2));
        assertTrue(firstPassage < secondPassage);

        // linked in one batch: a sentence quoting the first two quotes makes their passages one, and a sentence of
        // the third links to the second passage's carrier that quotes it, which that merge moved
        carriers.addAll(quoting("They said \"" + first + "\" and \"" + second + "\" today.", third + "."));
        ReuseLinking.linkAll();
        for (long carrier : carriers) {
            assertEquals(firstPassage, passageOf(carrier), "article " + carrier);
        }
        given().get("/api/passages/" + firstPassage).then().statusCode(200).body("articles", equalTo(6));
        for (String address : List.of("/api/passages/", "/passages/")) {
            given().accept(address.startsWith("/api") ? "application/json" : "text/html")
                    .redirects()
                    .follow(false)
                    .get(address + secondPassage)
                    .then()
                    .statusCode(301)
                    .header("Location", endsWith(address + firstPassage));
        }
    }

    /** Twelve made-up words, no sentence's end. */
    private static String quote() {
        return CatalogFixtures.ownSentence().replace(".", "");
    }

    /** An article of a source of its own for each sentence, its only sentence; their ids. */
    private static List<Long> quoting(String... sentences) {
        List<Long> ids = new ArrayList<>();
        for (String sentence : sentences) {
            ids.addAll(CatalogFixtures.ingest(article(
                    "Quotes",
                    LocalDate.of(2023, 3, 1),
                    "https://news." + CatalogFixtures.uniqueDomain() + "/quotes.html",
                    sentence)));
        }
        return ids;
    }

    /** The passage of the first shared sentence of an article. */
    private static long passageOf(long article) {
        return given().get("/api/articles/" + article + "/reuse")
                .then()
                .statusCode(200)
                .body("sentences.size()", greaterThan(0))
                .extract()
                .jsonPath()
                .getLong("sentences[0].passage_id");
    }

    private static String heading() {
        return browser.findElement(By.id("results-heading")).getText();
    }

    private static Set<Long> listed() {
        List<WebElement> links = browser.findElements(By.cssSelector(".items > li h2 a"));
        return Set.copyOf(links.stream()
                .map(a -> Long.valueOf(a.getAttribute("pathname").replace("/articles/", "")))
                .toList());
    }
}
