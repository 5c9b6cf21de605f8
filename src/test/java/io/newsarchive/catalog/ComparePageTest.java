package io.newsarchive.catalog;

import io.newsarchive.testing.Axe;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /compare} counts up to five queries per period, exactly, and their share of all the catalog's articles of
 * the period. The fixtures are the only articles of 1931 in the test database: March has 4 (3 of word, 1 of other,
 * 1 from sport.), April 4 (2 of other, 1 from sport.).
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ComparePageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    private static String word;
    private static String other;
    private static String domain;

    @BeforeEach
    void ingestOnce() {
        if (word != null) {
            return;
        }
        word = uniqueWord();
        other = uniqueWord();
        domain = uniqueDomain();
        String elsewhere = "https://www." + uniqueDomain() + "/";
        ingest(
                article(word + " alpha", LocalDate.of(1931, 3, 2), "https://news." + domain + "/1", "Text."),
                article(word + " and " + other, LocalDate.of(1931, 3, 4), "https://news." + domain + "/2", "Text."),
                article(word + " sport", LocalDate.of(1931, 3, 10), "https://sport." + domain + "/1", "Text."),
                article(other + " news", LocalDate.of(1931, 4, 6), "https://news." + domain + "/3", "Text."),
                article(other + " sport", LocalDate.of(1931, 4, 7), "https://sport." + domain + "/2", "Text."),
                article("Nothing", LocalDate.of(1931, 3, 4), elsewhere + "1", "Text."),
                article("Nothing", LocalDate.of(1931, 4, 7), elsewhere + "2", "Text."),
                article("Nothing", LocalDate.of(1931, 4, 8), elsewhere + "3", "Text."));
    }

    /** Words, words with a label, and a source within dates: the third query's dates span the chart. */
    private String queries() {
        return "q1=" + word + "&q2=" + other + "&label2=Second&source3=sport." + domain
                + "&from3=1931-03-01&to3=1931-04-30";
    }

    @Test
    void monthsCountEachQueryAndItsShareOfAllArticles() {
        JsonPath months = json("/api/compare?" + queries());
        assertEquals("month", months.getString("interval"), "per month unless every query has its dates");
        assertEquals("count", months.getString("measure"));
        assertEquals(List.of(word, "Second", "sport." + domain), months.getList("queries.label"));
        assertEquals(List.of(1, 2, 3), months.getList("queries.number"));
        assertEquals(List.of("1931-03", "1931-04"), months.getList("periods.period"));
        assertEquals(List.of("1931-03-01", "1931-04-01"), months.getList("periods.start"));
        assertEquals(List.of(4, 4), months.getList("periods.articles"));
        assertEquals(List.of(3, 1, 1), months.getList("periods[0].matches"));
        assertEquals(List.of(0, 2, 1), months.getList("periods[1].matches"));
        assertEquals(List.of(0.75f, 0.25f, 0.25f), months.getList("periods[0].shares"));
        assertEquals(List.of(0.0f, 0.5f, 0.25f), months.getList("periods[1].shares"));
    }

    @Test
    void weeksStartOnMondayAndTheirCsvHasTheSameNumbers() throws IOException {
        JsonPath weeks = json("/api/compare?interval=week&" + queries());
        // 1931-03-01, the third query's first day, is a Sunday
        List<String> mondays = List.of(
                "1931-02-23",
                "1931-03-02",
                "1931-03-09",
                "1931-03-16",
                "1931-03-23",
                "1931-03-30",
                "1931-04-06",
                "1931-04-13",
                "1931-04-20",
                "1931-04-27");
        assertEquals(mondays, weeks.getList("periods.period"), "every week of the span, those without any too");
        assertEquals(List.of(0, 3, 1, 0, 0, 0, 4, 0, 0, 0), weeks.getList("periods.articles"));

        String csv = given().get("/api/compare.csv?interval=week&measure=share&" + queries())
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("compared-queries.csv"))
                .extract()
                .asString();
        List<CSVRecord> records = CsvRecords.of(csv);
        assertEquals(
                List.of(
                        "week",
                        "all articles",
                        word,
                        word + " share",
                        "Second",
                        "Second share",
                        "sport." + domain,
                        "sport." + domain + " share"),
                records.get(0).getParser().getHeaderNames());
        assertEquals(mondays, records.stream().map(r -> r.get("week")).toList());
        assertEquals(
                List.of("0", "2", "1", "0", "0", "0", "0", "0", "0", "0"),
                records.stream().map(r -> r.get(word)).toList());
        assertEquals(
                List.of("0", "1", "0", "0", "0", "0", "2", "0", "0", "0"),
                records.stream().map(r -> r.get("Second")).toList());
        assertEquals(
                List.of("0", "0", "1", "0", "0", "0", "1", "0", "0", "0"),
                records.stream().map(r -> r.get("sport." + domain)).toList());
        assertEquals(2 / 3.0, Double.parseDouble(records.get(1).get(word + " share")), 1e-12);
        assertEquals("1", records.get(2).get(word + " share"));
        assertEquals(1 / 3.0, Double.parseDouble(records.get(1).get("Second share")), 1e-12);
        assertEquals("0.5", records.get(6).get("Second share"));
        assertEquals("0.25", records.get(6).get("sport." + domain + " share"));
        assertEquals("0", records.get(3).get(word + " share"), "a period without articles has no share");
        assertEquals("3", records.get(1).get("all articles"));
    }

    @Test
    void theIntervalFollowsTheQueriesDatesWhenLeftOut() {
        JsonPath days = json("/api/compare?q1=" + word + "&from1=1931-03-01&to1=1931-03-31");
        assertEquals("day", days.getString("interval"));
        assertEquals(31, days.getList("periods").size());
        assertEquals(List.of(1), days.getList("periods[1].matches"), "1931-03-02");
        assertEquals(List.of(1), days.getList("periods[3].matches"), "1931-03-04");
        assertEquals(2, days.getInt("periods[3].articles"));
        JsonPath weeks = json("/api/compare?q1=" + word + "&from1=1931-01-01&q2=" + other + "&to2=1931-12-31");
        assertEquals("month", weeks.getString("interval"), "a query without dates: per month");
        assertEquals(
                "week",
                json("/api/compare?q1=" + word + "&from1=1931-01-01&to1=1931-12-31")
                        .getString("interval"));
        JsonPath year = json("/api/compare?interval=year&" + queries());
        assertEquals(List.of("1931"), year.getList("periods.period"));
        assertEquals(List.of(3, 3, 2), year.getList("periods[0].matches"));
        assertEquals(List.of(8), year.getList("periods.articles"));
    }

    @Test
    void aWrongParameterIsNamedWithItsQuerysNumber() {
        bad("/api/compare?q6=" + word, "q6");
        bad("/api/compare?q1=" + word + "&interval=fortnight", "interval");
        bad("/api/compare?q1=" + word + "&measure=ratio", "measure");
        bad("/api/compare?q1=" + word + "&q2=" + other + "&from2=1931-05-01&to2=1931-04-01", "to2");
        bad("/api/compare?q1=" + word + "&from1=1931-02-30", "from1");
        bad("/api/compare?q1=" + word + "&source3=not a host!", "source3");
        bad("/api/compare?q1=" + word + "&collection2=no-such-collection", "collection2");
        bad("/api/compare.csv?q1=" + word + "&label1=" + "x".repeat(101), "label1");
        bad("/api/compare?interval=day&q1=" + word + "&from1=1900-01-01&to1=1931-12-31", "interval");
        given().get("/compare?q6=" + word).then().statusCode(400).body(containsString("q6"));
        given().get("/compare?q1=" + word + "&to1=1931-02-01&from1=1931-03-01")
                .then()
                .statusCode(400)
                .body(containsString("to1"));
    }

    @Test
    void theCatalogLinksToAComparisonOfItsSearchAndThePageDrawsOneLineAQuery() throws IOException {
        browser.open("/?q=" + word + "&source=news." + domain);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Compare this search with others")));
        assertEquals("Compare queries", browser.findElement(By.tagName("h1")).getText());
        assertEquals(word, browser.findElement(By.id("q1")).getAttribute("value"));
        assertEquals("news." + domain, browser.findElement(By.id("source1")).getAttribute("value"));

        browser.findElement(By.id("q2")).sendKeys(other);
        browser.findElement(By.id("label2")).sendKeys("Second");
        browser.findElement(By.id("from2")).sendKeys("1931-03-01");
        browser.findElement(By.id("to2")).sendKeys("1931-04-30");
        new Select(browser.findElement(By.id("measure"))).selectByValue("share");
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.cssSelector("form.compare button")));
        assertTrue(browser.getCurrentUrl().contains("measure=share"), browser.getCurrentUrl());
        assertEquals("Second", browser.findElement(By.id("label2")).getAttribute("value"), "the form keeps the rows");

        assertEquals(
                List.of(word, "Second"),
                browser.findElements(By.cssSelector(".chart .legend li")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertEquals(
                2, browser.findElements(By.cssSelector(".chart polyline.line")).size());
        List<WebElement> rows = browser.findElements(By.cssSelector(".chart details.numbers tbody tr"));
        assertEquals(
                List.of("1931-03 50.00% 25.00%", "1931-04 0.00% 50.00%"),
                rows.stream()
                        .map(r -> r.findElements(By.cssSelector("th, td")).stream()
                                .map(c -> c.getAttribute("textContent").strip())
                                .collect(Collectors.joining(" ")))
                        .toList(),
                "news. has 2 of March's 4 articles, and the second query 1 of them, 2 of April's");
        assertTrue(browser.findElement(By.cssSelector("figcaption"))
                .getText()
                .startsWith("Share of all articles per month"));
        String csv = browser.findElement(By.linkText("These numbers as CSV")).getAttribute("href");
        assertTrue(csv.contains("/api/compare.csv?measure=share&q1="), csv);
        given().get(csv).then().statusCode(200);

        assertEquals(List.of(), Axe.violations(browser));
        HeadlessChromium.screenshot(browser, "compare");
        HeadlessChromium.phone(browser);
        try {
            HeadlessChromium.screenshot(browser, "compare-phone");
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser), "no sideways scroll on a phone");
            assertEquals(List.of(), Axe.violations(browser));
        } finally {
            HeadlessChromium.desktop(browser);
        }
    }

    @Test
    void anEmptyFormAsksForAQuery() {
        given().get("/compare")
                .then()
                .statusCode(200)
                .body(containsString("Fill in at least one query"))
                .body(containsString("name=\"q5\""));
    }

    @Test
    void oneQueryIsDrawnAsBarsEachLinkingToItsArticlesOfThePeriod() {
        String page = given().get("/compare?q1=" + other + "&from1=1931-03-03")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("class=\"bar\""), "bars");
        assertTrue(page.contains("from=1931-03-03&amp;to=1931-03-31\""), "March, from the query's own first day");
        assertTrue(page.contains("from=1931-04-01&amp;to=1931-04-30\""), "April");
    }

    @Test
    void thePageAskedForAsJsonLeadsToItsTwin() {
        given().accept("application/json")
                .redirects()
                .follow(false)
                .get("/compare?q1=" + word + "&interval=week")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/api/compare?q1=" + word + "&interval=week"));
    }

    private static JsonPath json(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static void bad(String path, String parameter) {
        given().get(path).then().statusCode(400).body("parameter", equalTo(parameter));
    }
}
