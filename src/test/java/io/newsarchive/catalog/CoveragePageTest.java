package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog page links to the coverage of its selection by source: a table with totals, and its CSV. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class CoveragePageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void theCatalogLinksToTheCoverageOfItsSelectionBySource() throws Exception {
        String word = uniqueWord();
        String domain = uniqueDomain();
        ingest(
                article(word + " one", LocalDate.of(2022, 6, 1), "https://news." + domain + "/1", "Text."),
                article(word + " two", LocalDate.of(2022, 6, 2), "https://news." + domain + "/2", "Text."),
                article("Other", LocalDate.of(2022, 6, 3), "https://news." + domain + "/3", "Text."),
                article(word + " sport", LocalDate.of(2022, 6, 1), "https://sport." + domain + "/1", "Text."),
                article("Sport", LocalDate.of(2022, 6, 2), "https://sport." + domain + "/2", "Text."),
                article("Sport too", LocalDate.of(2022, 6, 3), "https://sport." + domain + "/3", "Text."));

        browser.open("/?q=" + word + "&source=news." + domain + "&source=sport." + domain);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Coverage by source")));
        assertEquals("Coverage by source", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.coverage tbody tr"));
        assertEquals(List.of("news." + domain, "2", "3", "66.7%"), cells(rows.get(0)));
        assertEquals(List.of("sport." + domain, "1", "3", "33.3%"), cells(rows.get(1)));
        assertEquals(2, rows.size());
        assertEquals(
                "All sources 3 6 50.0%",
                browser.findElement(By.cssSelector("table.coverage tfoot tr")).getText());
        assertTrue(browser.findElement(By.cssSelector("p.note")).getText().startsWith("3 of 6 articles match (50.0%)"));
        HeadlessChromium.screenshot(browser, "coverage");

        String csv = given().get(browser.findElement(By.linkText("CSV")).getAttribute("href"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> records = CsvRecords.of(csv);
        assertEquals(
                List.of("news." + domain, "sport." + domain),
                records.stream().map(r -> r.get("source")).toList(),
                "the CSV has the table's rows");
        assertEquals(
                List.of("2", "1"), records.stream().map(r -> r.get("matches")).toList());

        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Top words")));
        assertEquals("Top words", browser.findElement(By.tagName("h1")).getText());

        // on a phone, both pages fit the width
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            assertFitsTheWidth("top-words-phone");
            browser.navigate().back();
            assertFitsTheWidth("coverage-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static void assertFitsTheWidth(String screenshot) throws Exception {
        HeadlessChromium.screenshot(browser, screenshot);
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0L, overflow, browser.getCurrentUrl() + " scrolls sideways");
        Object tableOverflow = ((JavascriptExecutor) browser)
                .executeScript("const s = document.querySelector('.scroll'); return s.scrollWidth - s.clientWidth");
        assertEquals(0L, tableOverflow, browser.getCurrentUrl() + ": the table fits too");
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("td")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
