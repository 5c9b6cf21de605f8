package io.newsarchive.catalog;

import io.newsarchive.account.Role;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.testing.CorpusFiles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An article's page in headless Chromium, on a phone and on a wide screen. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class ArticlePageTest {

    /** The text of each line the browser lays an element's text out on. */
    private static final String LINES = """
            const lines = [];
            let top = null;
            const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const box = range.getClientRects()[0];
                if (!box) continue;
                if (top === null || box.top > top + 2) lines.push('');
                top = box.top;
                lines[lines.length - 1] += node.data[i];
              }
            }
            return lines;
            """;

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    /**
     * On a phone the metadata and links to the history and manage sections further down come before the text; the
     * URL and the SHA-256 wrap where a reader expects, and nothing scrolls sideways. A wide screen shows them all
     * beside the text.
     */
    @Test
    void onAPhoneTheMetadataComesBeforeTheText() throws Exception {
        String url = "https://news." + uniqueDomain()
                + "/world/2024/05/06/a-long-headline-turned-into-the-address-of-the-story/index.html"
                + "?section=international&edition=europe&page=1";
        String[] sentences = new String[40];
        for (int i = 0; i < sentences.length; i++) {
            sentences[i] = "Sentence " + i + " of a long story that fills the screen of a phone several times over.";
        }
        long id = ingest(article("A long story", LocalDate.of(2024, 5, 6), url, sentences))
                .get(0);
        browser.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        try {
            HeadlessChromium.phone(browser);
            browser.open("/articles/" + id);
            int text = browser.findElement(By.id("body-heading")).getRect().getY();
            for (String before : new String[] {"#metadata-heading", "dl.meta-list", ".on-this-page"}) {
                WebElement part = browser.findElement(By.cssSelector(before));
                assertTrue(part.isDisplayed(), before);
                assertTrue(
                        part.getRect().getY() + part.getRect().getHeight() <= text, before + " comes before the text");
            }
            for (String link : new String[] {"history (as ingested)", "manage: correct or withdraw"}) {
                String target = browser.findElement(By.linkText(link)).getAttribute("hash");
                assertTrue(
                        browser.findElement(By.cssSelector(target)).getRect().getY() > text,
                        link + " leads further down, after the text");
            }
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));

            List<String> urlLines = lines(By.cssSelector("dl.meta-list a[href^='https://news.']"));
            assertEquals(url, String.join("", urlLines));
            assertTrue(urlLines.size() > 1, urlLines.toString());
            for (int i = 1; i < urlLines.size(); i++) {
                String end = urlLines.get(i - 1);
                assertTrue(
                        end.matches(".*[/=?&-]") || urlLines.get(i).matches("[?&#].*"),
                        "a line of the URL ends where a reader expects it: " + urlLines);
            }
            List<String> hashLines = lines(By.cssSelector("dl.meta-list code"));
            assertEquals(64, String.join("", hashLines).length());
            for (String line : hashLines.subList(0, hashLines.size() - 1)) {
                assertEquals(0, line.length() % 8, "the SHA-256 wraps between groups of eight: " + hashLines);
            }
            HeadlessChromium.screenshot(browser, "article-phone");

            HeadlessChromium.desktop(browser);
            browser.open("/articles/" + id);
            Rectangle body = browser.findElement(By.cssSelector(".body")).getRect();
            Rectangle record = browser.findElement(By.cssSelector(".record")).getRect();
            Rectangle more = browser.findElement(By.cssSelector(".more")).getRect();
            assertTrue(record.getX() >= body.getX() + body.getWidth(), "the record is beside the text");
            assertEquals(record.getX(), more.getX(), "the rest is in the same column");
            assertTrue(
                    more.getY() - (record.getY() + record.getHeight()) < 40,
                    "the rest follows the record however long the text");
            assertFalse(browser.findElement(By.cssSelector(".on-this-page")).isDisplayed(), "all of it is in view");
            assertTrue(browser.findElement(By.id("status-reason")).isDisplayed());
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));
            HeadlessChromium.screenshot(browser, "article-desktop");
        } finally {
            HeadlessChromium.desktop(browser);
            browser.manage().deleteAllCookies();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(By element) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(LINES, browser.findElement(element));
    }
}
