package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

/** The catalog page links to the top words of its selection, which list each word with its articles and share. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class TopWordsPageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void theCatalogLinksToTheTopWordsOfItsSelection() throws Exception {
        String word = uniqueWord();
        String host = "https://news." + uniqueDomain() + "/";
        ingest(
                article(word + " convoy", LocalDate.of(2022, 5, 1), host + "1", "Troops moved north."),
                article(word + " again", LocalDate.of(2022, 5, 2), host + "2", "The troops rested."),
                article("Unrelated", LocalDate.of(2022, 5, 3), host + "3", "Troops everywhere."));

        browser.open("/?q=" + word);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("Top words")));
        assertTrue(browser.getCurrentUrl().endsWith("/words?q=" + word), browser.getCurrentUrl());
        assertEquals("Top words", browser.findElement(By.tagName("h1")).getText());
        assertTrue(
                browser.findElement(By.cssSelector("main")).getText().contains("Counted in all 2 matching articles"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.words tbody tr"));
        assertTrue(rows.stream().anyMatch(r -> cells(r).equals(List.of(word, "2", "100.0%"))), "the query's word");
        assertTrue(
                rows.stream().anyMatch(r -> cells(r).equals(List.of("troops", "2", "100.0%"))),
                "troops, as written, in both matches");
        HeadlessChromium.screenshot(browser, "top-words");

        // the page asked for as JSON is its API twin
        assertTrue(given().accept("application/json")
                .get(browser.getCurrentUrl())
                .jsonPath()
                .getList("words.word")
                .contains(word));
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.linkText("The articles")));
        assertEquals("2 articles", browser.findElement(By.tagName("h1")).getText());
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
