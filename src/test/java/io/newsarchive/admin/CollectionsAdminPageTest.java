package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.testing.CorpusFiles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An archivist makes a source collection in headless Chromium, adds and removes its sources, and the catalog page
 * filtered by it shows its articles, the filter and the Collections facet. Screenshots go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class CollectionsAdminPageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void anArchivistMakesACollectionAndTheCatalogFiltersByIt() throws IOException {
        String domain = CatalogFixtures.uniqueDomain();
        String word = CatalogFixtures.uniqueWord();
        String sun = "sun." + domain;
        String mail = "mail." + domain;
        String times = "times." + domain;
        CatalogFixtures.ingest(
                article("Sun " + word, LocalDate.of(2023, 5, 1), "https://" + sun + "/1", "About " + word + "."),
                article("Mail " + word, LocalDate.of(2023, 5, 2), "https://" + mail + "/2", "About " + word + "."),
                article("Times " + word, LocalDate.of(2023, 5, 3), "https://" + times + "/3", "About " + word + "."));
        browser.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);

        browser.open("/admin");
        click(browser.findElement(By.cssSelector("nav.admin")).findElement(By.linkText("Collections")));
        assertEquals(
                "page",
                browser.findElement(By.cssSelector("nav.admin"))
                        .findElement(By.linkText("Collections"))
                        .getAttribute("aria-current"),
                "the admin menu marks the page");
        String name = "Tabloids " + word;
        browser.findElement(By.id("new-name")).sendKeys(name);
        browser.findElement(By.id("new-description")).sendKeys("Papers with red tops");
        browser.findElement(By.id("new-sources")).sendKeys(sun + ", " + times);
        click(browser.findElement(By.xpath("//button[normalize-space()='Add']")));
        assertEquals(name, browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of(sun, times), sources());

        browser.findElement(By.id("add-sources")).sendKeys(mail);
        click(browser.findElement(
                By.xpath("//section[@aria-labelledby='sources-heading']//button[normalize-space()='Add']")));
        assertEquals(List.of(mail, sun, times), sources());
        click(browser.findElement(By.cssSelector("button[aria-label='Remove " + times + "']")));
        assertEquals(List.of(mail, sun), sources());
        HeadlessChromium.screenshot(browser, "collections-admin");

        browser.open("/admin/collections");
        assertTrue(browser.findElement(By.cssSelector("table.collections"))
                .getText()
                .contains(name));
        HeadlessChromium.screenshot(browser, "collections-admin-list");

        browser.open("/collections");
        WebElement listed = browser.findElement(By.id("tabloids-" + word));
        assertTrue(listed.getText().contains("Papers with red tops"), listed.getText());
        click(listed.findElement(By.linkText("2 articles")));
        assertEquals("2 articles", browser.findElement(By.id("results-heading")).getText());
        assertEquals(
                List.of("Mail " + word, "Sun " + word),
                browser.findElements(By.cssSelector(".items h2")).stream()
                        .map(WebElement::getText)
                        .toList());
        assertEquals(
                "in " + name + " ×",
                browser.findElement(By.cssSelector("ul.filters")).getText().strip());
        WebElement facet = browser.findElement(By.xpath("//aside[@class='facets']//section[h2='Collections']"));
        WebElement chosen = facet.findElement(By.linkText(name));
        assertEquals("true", chosen.getAttribute("aria-current"));
        HeadlessChromium.screenshot(browser, "collections-catalog");

        // the words typed keep the collection, and its facet counts their matches
        browser.findElement(By.id("q")).sendKeys(word);
        click(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertTrue(browser.getCurrentUrl().contains("collection=tabloids-" + word), browser.getCurrentUrl());
        assertEquals("2 articles", browser.findElement(By.id("results-heading")).getText());
        click(browser.findElement(By.cssSelector("ul.filters")).findElement(By.partialLinkText("in " + name)));
        assertEquals("3 articles", browser.findElement(By.id("results-heading")).getText());
        HeadlessChromium.screenshot(browser, "collections-catalog-words");
        WebElement counted = browser.findElement(By.xpath(
                "//aside[@class='facets']//section[h2='Collections']//li[a='" + name + "']/span[@class='count']"));
        assertEquals("2", counted.getText(), "the facet counts the collection's matches");
    }

    private List<String> sources() {
        return browser.findElements(By.cssSelector("ul.collection-sources li a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void click(WebElement target) {
        HeadlessChromium.clickAndLoad(browser, target);
    }
}
