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

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The passage form and where it leads, in headless Chromium: a quote pasted over two lines lists its carriers on the
 * catalog page, which shows the passage as a filter to remove; an article's shared sentence links to the same list.
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
