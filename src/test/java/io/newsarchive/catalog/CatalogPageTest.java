package io.newsarchive.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.account.Role;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.CsvRecords;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog pages in headless Chromium (Debian packages chromium and chromium-driver; nothing is downloaded):
 * search, a facet, paging forward and back, an article page.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class CatalogPageTest {

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void searchApplyAFacetPageForwardAndBackAndOpenAnArticle() throws Exception {
        String domain = uniqueDomain();
        String word = uniqueWord();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String host = (i < 4 ? "news." : "sport.") + domain;
            // the sport articles share a day, so each has the other two as neighbours
            files.add(article(
                    "Headline " + i + " about " + word,
                    LocalDate.of(2022, 2, i < 4 ? 1 + i : 5),
                    "https://" + host + "/a/" + i,
                    "The " + word + " story number " + i + " begins.",
                    "A second sentence."));
        }
        files.add(
                article("Unrelated", LocalDate.of(2022, 2, 20), "https://news." + domain + "/other", "Nothing here."));
        ingest(files.toArray(String[]::new));

        browser.open("/?limit=2");
        assertJsonTwin();
        for (WebElement control :
                browser.findElements(By.cssSelector("form.search input:not([type=hidden]), form.search select"))) {
            assertEquals(
                    1,
                    browser.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']"))
                            .size(),
                    "every form control has a label");
        }

        browser.findElement(By.id("q")).sendKeys(word);
        follow(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertEquals("7 articles", heading());
        assertEquals(2, items().size());
        for (WebElement mark : browser.findElements(By.cssSelector(".items .snippet mark"))) {
            assertEquals(word, mark.getText());
        }
        assertFalse(browser.findElements(By.cssSelector(".items .snippet mark")).isEmpty(), "matches are highlighted");
        assertFalse(browser.findElements(By.cssSelector(".timeline rect")).isEmpty(), "the timeline is drawn");

        browser.open("/sources/sport." + domain);
        assertEquals("sport." + domain + ": 3 articles", heading(), "a source's page names it");
        browser.navigate().back();
        follow(browser.findElement(By.cssSelector(".facets")).findElement(By.linkText("sport." + domain)));
        assertTrue(browser.getCurrentUrl().contains("source=sport." + domain));
        assertEquals("3 articles", heading());
        assertJsonTwin();
        assertFeed(3);
        String csv = browser.findElement(By.linkText("CSV")).getAttribute("href");
        assertTrue(csv.contains("spreadsheet_safe=true") && csv.contains("bom=true"), csv);
        assertEquals(
                4,
                given().get(csv).then().statusCode(200).extract().asString().split("\r\n").length,
                "the export link gives the header and the three articles");
        String zip = browser.findElement(By.linkText("Original files (ZIP)")).getAttribute("href");
        try (ZipInputStream entries = new ZipInputStream(
                given().get(zip).then().statusCode(200).extract().asInputStream())) {
            int zipped = 0;
            while (entries.getNextEntry() != null) {
                zipped++;
            }
            assertEquals(5, zipped, "the three originals, their list and their manifest");
        }

        List<String> first = headlines();
        follow(browser.findElement(By.cssSelector("a[rel=next]")));
        List<String> second = headlines();
        assertEquals(1, second.size());
        assertNotEquals(first, second);
        assertTrue(browser.findElements(By.cssSelector("a[rel=next]")).isEmpty(), "the last page has no next link");
        follow(browser.findElement(By.cssSelector("a[rel=prev]")));
        assertEquals(first, headlines());
        assertTrue(
                browser.findElements(By.cssSelector("a[rel=prev]")).isEmpty(), "the first page has no previous link");

        // the facet again removes its filter
        follow(browser.findElement(By.cssSelector(".facets a.active")));
        assertEquals("7 articles", heading());

        String headline = first.get(0);
        follow(browser.findElement(By.linkText(headline)));
        assertEquals(headline, browser.findElement(By.tagName("h1")).getText());
        List<WebElement> sentences = browser.findElements(By.cssSelector(".body ol li"));
        assertEquals(2, sentences.size());
        assertTrue(sentences.get(0).getText().contains(word));
        assertFalse(browser.findElements(By.linkText("Original file")).isEmpty());
        assertEquals(1, browser.findElements(By.cssSelector("table tbody tr")).size(), "one version");
        assertEquals(
                2,
                browser.findElements(By.cssSelector("aside ul li a")).size(),
                "the other sport articles of that day");
        assertJsonTwin();
    }

    /**
     * On a phone the filters are folded between the search form and the results (a box to tick shows them), next in
     * reading and tab order too; a wide window keeps them open in a side column. No public page scrolls sideways on
     * a phone.
     */
    @Test
    void onAPhoneTheFiltersFoldAboveTheResults() throws Exception {
        String domain = uniqueDomain();
        String word = uniqueWord();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(article(
                    "Phone story " + i + " about " + word,
                    LocalDate.of(2023, 1 + i % 3, 1 + i),
                    "https://" + (i % 2 == 0 ? "east." : "west.") + domain + "/2023/stories/" + i,
                    "The " + word + " story number " + i + ".",
                    "A second sentence."));
        }
        ingest(files.toArray(String[]::new));
        try {
            HeadlessChromium.phone(browser);
            browser.open("/?q=" + word);
            assertEquals(390L, ((JavascriptExecutor) browser).executeScript("return window.innerWidth"));
            WebElement toggle = browser.findElement(By.cssSelector(".facets .fold-toggle"));
            assertTrue(toggle.isDisplayed());
            assertTrue(
                    toggle.getRect().getY() + toggle.getRect().getHeight()
                            <= items().get(0).getRect().getY(),
                    "the filters come before the first result");
            // by its text in the page, not its shown text: folded, it shows none
            WebElement east = browser.findElement(By.xpath("//aside[@class='facets']//a[.='east." + domain + "']"));
            assertFalse(east.isDisplayed(), "folded until opened");
            ((JavascriptExecutor) browser)
                    .executeScript("arguments[0].focus()", browser.findElement(By.cssSelector("form.search button")));
            new Actions(browser).sendKeys(Keys.TAB).perform();
            assertEquals(
                    toggle.findElement(By.tagName("input")),
                    browser.switchTo().activeElement(),
                    "the keyboard meets the filters before the results");
            HeadlessChromium.screenshot(browser, "catalog-phone");
            toggle.click();
            assertTrue(east.isDisplayed());
            HeadlessChromium.screenshot(browser, "catalog-phone-filters");
            follow(east);
            assertEquals("6 articles", heading());
            assertEquals(0, HeadlessChromium.sidewaysOverflow(browser));

            for (String page : new String[] {
                "", "?q=" + word, "sources", "sources/east." + domain, "?q=the", "no/such/page", "signin"
            }) {
                browser.open("/" + page);
                assertEquals(0, HeadlessChromium.sidewaysOverflow(browser), "/" + page + " scrolls sideways");
            }

            HeadlessChromium.desktop(browser);
            browser.open("/?q=" + word);
            WebElement facets = browser.findElement(By.cssSelector(".facets"));
            WebElement results = browser.findElement(By.cssSelector(".results"));
            assertFalse(
                    browser.findElement(By.cssSelector(".facets .fold-toggle")).isDisplayed(), "nothing to tick");
            assertTrue(facets.findElement(By.linkText("east." + domain)).isDisplayed(), "open");
            assertTrue(
                    facets.getRect().getX()
                            >= results.getRect().getX() + results.getRect().getWidth(),
                    "a side column right of the results");
            HeadlessChromium.screenshot(browser, "catalog-desktop");
        } finally {
            HeadlessChromium.desktop(browser);
        }
    }

    /** The home page is sorted newest first; a query typed there and sent with Enter is sorted by relevance. */
    @Test
    void aQueryTypedOnTheHomePageIsSortedByRelevance() {
        String word = uniqueWord();
        String domain = uniqueDomain();
        String filler = "Other matters of the day were reported at length by the desk, with more to follow later.";
        ingest(
                article(
                        word + " at the heart of it",
                        LocalDate.of(2021, 3, 1),
                        "https://" + domain + "/most",
                        "The " + word + " again, " + word + " and " + word + "."),
                article(
                        "Newer story",
                        LocalDate.of(2022, 3, 1),
                        "https://" + domain + "/newer",
                        filler,
                        filler + " Also " + word + ".",
                        filler),
                article(
                        "Newest story",
                        LocalDate.of(2022, 3, 2),
                        "https://" + domain + "/newest",
                        filler,
                        filler,
                        filler + " And " + word + "."));
        List<String> byRelevance = given().queryParam("q", word)
                .queryParam("sort", "relevance")
                .get("/api/articles")
                .jsonPath()
                .getList("items.headline");
        assertNotEquals(
                given().queryParam("q", word)
                        .queryParam("sort", "-published")
                        .get("/api/articles")
                        .jsonPath()
                        .getList("items.headline"),
                byRelevance,
                "the corpus tells the orders apart");

        browser.open("/");
        browser.findElement(By.id("q")).sendKeys(word + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=" + word));

        assertFalse(browser.getCurrentUrl().contains("sort=-published"), browser.getCurrentUrl());
        assertEquals(
                "",
                new Select(browser.findElement(By.id("sort")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        assertEquals(byRelevance, headlines(), "by relevance");
    }

    /**
     * The page says which of the matches it shows, takes another page size from the form, and lists the most
     * recently ingested first when asked.
     */
    @Test
    void thePageSaysWhichMatchesItShowsAndTakesASizeAndTheIngestOrder() {
        String host = "news." + uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            files.add(article("Item " + i, LocalDate.of(2022, 7, 1 + i), "https://" + host + "/p/" + i, "Text."));
        }
        ingest(files.toArray(String[]::new));
        List<Long> last = ingest(
                article("Stored last, published first", LocalDate.of(2020, 1, 1), "https://" + host + "/p/x", "T."));

        browser.open("/?source=" + host);
        assertEquals(
                "Showing 1–24 of 24",
                browser.findElement(By.cssSelector("p.range")).getText());
        Select size = new Select(browser.findElement(By.id("limit")));
        assertEquals("50 a page", size.getFirstSelectedOption().getText());
        size.selectByVisibleText("20 a page");
        follow(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertTrue(browser.getCurrentUrl().contains("limit=20"), browser.getCurrentUrl());
        assertEquals(20, items().size());
        assertEquals(
                "Showing 1–20 of 24",
                browser.findElement(By.cssSelector("p.range")).getText());
        follow(browser.findElement(By.cssSelector("a[rel=next]")));
        assertEquals(
                "Showing 21–24 of 24",
                browser.findElement(By.cssSelector("p.range")).getText());
        assertEquals(
                "20 a page",
                new Select(browser.findElement(By.id("limit")))
                        .getFirstSelectedOption()
                        .getText());
        follow(browser.findElement(By.cssSelector("a[rel=prev]")));
        assertEquals(
                "Showing 1–20 of 24",
                browser.findElement(By.cssSelector("p.range")).getText());

        new Select(browser.findElement(By.id("sort"))).selectByVisibleText("Recently ingested first");
        follow(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertTrue(browser.getCurrentUrl().contains("sort=-ingested"), browser.getCurrentUrl());
        assertEquals("Stored last, published first", headlines().get(0));
        assertEquals("/articles/" + last.get(0), items().get(0).getDomProperty("pathname"));

        // an article opened from the results leads back to them, and names where it sits in the catalog
        List<String> results = headlines();
        follow(items().get(0));
        assertEquals(
                List.of("Catalog", host, "Article #" + last.get(0)),
                browser.findElements(By.cssSelector("nav.breadcrumbs li")).stream()
                        .map(WebElement::getText)
                        .toList());
        follow(browser.findElement(By.linkText("← Back to results")));
        assertEquals(browser.url("/?source=" + host + "&sort=-ingested&limit=20"), browser.getCurrentUrl());
        assertEquals(results, headlines());
        given().get("/articles/" + last.get(0) + "?results=https://elsewhere.example/")
                .then()
                .statusCode(400)
                .body(containsString("results"));
    }

    /** Matched words are marked in headlines too, and a snippet that cuts a sentence says so with "…". */
    @Test
    void matchesAreMarkedInHeadlinesAndCutSnippetsSaySo() {
        String word = uniqueWord();
        String longSentence = "The council met on a grey morning in the old town hall to hear the reports of"
                + " every committee, and after a long debate about roads and schools and the budget the " + word
                + " was finally raised by a member from the northern district who had waited all year for the"
                + " chance to speak about it at length before the whole assembly and the press.";
        ingest(article(
                "A headline about the " + word, LocalDate.of(2022, 4, 1), CorpusFiles.uniqueUrl(), longSentence));

        browser.open("/?q=" + word);
        List<WebElement> headlineMarks = browser.findElements(By.cssSelector(".items h2 mark"));
        assertEquals(
                List.of(word), headlineMarks.stream().map(WebElement::getText).toList());
        String snippet = browser.findElement(By.cssSelector(".items .snippet")).getText();
        assertTrue(snippet.startsWith("… ") || snippet.endsWith(" …"), snippet);
        assertTrue(snippet.contains(word), snippet);
    }

    /** The list of sources can be narrowed to the hosts that hold some letters, and put in another order. */
    @Test
    void theSourcesCanBeFoundAndOrdered() {
        String domain = uniqueDomain();
        ingest(
                article("One", LocalDate.of(2022, 5, 1), "https://alpha." + domain + "/1", "One."),
                article("Two", LocalDate.of(2022, 5, 2), "https://beta." + domain + "/1", "Two."),
                article("Three", LocalDate.of(2022, 5, 3), "https://beta." + domain + "/2", "Three."));

        browser.open("/sources");
        browser.findElement(By.id("find")).sendKeys(domain.toUpperCase());
        new Select(browser.findElement(By.id("order"))).selectByVisibleText("By name");
        follow(browser.findElement(By.cssSelector("form.search button")));
        assertEquals(List.of("alpha." + domain, "beta." + domain), sourceRows());
        assertEquals(
                "2 sources, 3 articles", browser.findElement(By.tagName("h1")).getText());

        new Select(browser.findElement(By.id("order"))).selectByVisibleText("Most articles first");
        follow(browser.findElement(By.cssSelector("form.search button")));
        assertEquals(List.of("beta." + domain, "alpha." + domain), sourceRows());
        assertEquals(domain.toUpperCase(), browser.findElement(By.id("find")).getAttribute("value"));
        assertEquals(
                List.of("alpha." + domain, "beta." + domain),
                given().get("/api/sources?find=" + domain + "&order=host")
                        .jsonPath()
                        .getList("host"),
                "the JSON twin takes the same parameters");
        given().get("/api/sources?order=sideways").then().statusCode(400).body("parameter", equalTo("order"));
    }

    private List<String> sourceRows() {
        return browser.findElements(By.cssSelector("table tbody td:first-child a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** An address nothing answers is the catalog's own page, which says so and leads back; the API says it in JSON. */
    @Test
    void anUnknownAddressSaysSoInTheCatalogsWords() {
        browser.open("/no/such/page");
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
        String notice = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(notice.startsWith("nothing is at /no/such/page"), notice);
        assertFalse(browser.getPageSource().contains("Unable to find matching"), "no framework words");
        assertFalse(browser.findElements(By.linkText("Back to the catalog")).isEmpty());
        given().get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", startsWith("nothing is at /api/no-such-thing"));
    }

    /** A search the catalog cannot take keeps its form, filled in as typed, and says there what is wrong (400). */
    @Test
    void aRefusedSearchKeepsItsFormAndSaysWhatIsWrong() {
        for (String[] refused :
                new String[][] {{"q=the", "q"}, {"from=2022-13-01", "from"}, {"sort=sideways", "sort"}}) {
            given().get("/?" + refused[0]).then().statusCode(400);
            browser.open("/?" + refused[0] + "&source=bbc.co.uk");
            WebElement alert = browser.findElement(By.cssSelector("form.search [role=alert]"));
            assertTrue(alert.getText().startsWith("This search could not be run: " + refused[1]), alert.getText());
            assertEquals("true", browser.findElement(By.id(refused[1])).getAttribute("aria-invalid"));
            assertEquals(
                    "bbc.co.uk",
                    browser.findElement(By.cssSelector("form.search input[name=source]"))
                            .getAttribute("value"),
                    "the rest of the search is kept");
        }
        browser.open("/?q=the");
        assertEquals("the", browser.findElement(By.id("q")).getAttribute("value"), "the words as typed");
        // dates are typed and shown as every date in the catalog is written
        assertEquals("YYYY-MM-DD", browser.findElement(By.id("from")).getAttribute("placeholder"));
        assertEquals("text", browser.findElement(By.id("from")).getAttribute("type"));
    }

    @Test
    void aPageLongerThanAChoiceOffersNoTickForAllOfIt() {
        String domain = uniqueDomain();
        String[] files = new String[ChosenArticles.MAX + 1];
        for (int i = 0; i < files.length; i++) {
            files[i] = article("Many " + i, LocalDate.of(2021, 5, 1), "https://" + domain + "/" + i, "Text.");
        }
        ingest(files);
        given().get("/?source=" + domain + "&limit=" + ChosenArticles.MAX)
                .then()
                .statusCode(200)
                .body(containsString("All " + ChosenArticles.MAX + " on this page"));
        given().get("/?source=" + domain + "&limit=" + (ChosenArticles.MAX + 1))
                .then()
                .statusCode(200)
                .body(containsString("Export selected as CSV"))
                .body(not(containsString("on this page")));
    }

    @Test
    void twoResultsTickedAreExportedAndAnArchivistWithdrawsThem(@TempDir Path downloads) throws Exception {
        String word = uniqueWord();
        String domain = uniqueDomain();
        List<Long> ids = ingest(
                article(
                        "Ticked first " + word,
                        LocalDate.of(2022, 3, 3),
                        "https://" + domain + "/1",
                        "The " + word + "."),
                article(
                        "Left alone " + word,
                        LocalDate.of(2022, 3, 2),
                        "https://" + domain + "/2",
                        "The " + word + "."),
                article(
                        "Ticked last " + word,
                        LocalDate.of(2022, 3, 1),
                        "https://" + domain + "/3",
                        "The " + word + "."));
        Set<String> ticked = Set.of(ids.get(0).toString(), ids.get(2).toString());
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of(
                        "behavior",
                        "allow",
                        "downloadPath",
                        downloads.toAbsolutePath().toString()));

        browser.open("/?q=" + word);
        assertTrue(
                browser.findElements(By.xpath("//button[normalize-space()='Withdraw selected…']"))
                        .isEmpty(),
                "only archivists withdraw");
        tick(ids.get(0), ids.get(2));
        browser.findElement(By.xpath("//button[normalize-space()='Export selected as CSV']"))
                .click();
        Path csv = download(downloads, ".csv");
        List<CSVRecord> records = CsvRecords.of(Files.readString(csv).replace("\uFEFF", ""));
        assertEquals(ticked, records.stream().map(r -> r.get("id")).collect(Collectors.toSet()));
        assertEquals(2, records.size());

        browser.findElement(By.xpath("//button[normalize-space()='Export selected as JSON']"))
                .click();
        JsonNode json = new ObjectMapper().readTree(download(downloads, ".json").toFile());
        assertEquals(2, json.size());
        assertEquals(
                ticked,
                Set.of(json.get(0).get("id").asText(), json.get(1).get("id").asText()));

        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        browser.signIn(archivist, TestUsers.PASSWORD);
        try {
            browser.open("/?q=" + word);
            tick(ids.get(0), ids.get(2));
            follow(browser.findElement(By.xpath("//button[normalize-space()='Withdraw selected…']")));
            assertEquals(
                    "Withdraw 2 articles", browser.findElement(By.tagName("h1")).getText());
            assertEquals(
                    List.of("Ticked first " + word, "Ticked last " + word),
                    browser.findElements(By.cssSelector("ul.chosen a")).stream()
                            .map(WebElement::getText)
                            .toList());
            browser.findElement(By.id("reason")).sendKeys("published by mistake");
            browser.findElement(By.name("confirm")).click();
            follow(browser.findElement(By.xpath("//button[normalize-space()='Withdraw 2 articles']")));
            assertEquals(
                    "Withdrawn articles", browser.findElement(By.tagName("h1")).getText());
            follow(browser.findElement(By.linkText("Back to the results")));
            assertEquals(List.of("Left alone " + word), headlines());
        } finally {
            browser.manage().deleteAllCookies();
        }
        for (long id : List.of(ids.get(0), ids.get(2))) {
            given().get("/api/articles/" + id).then().body("status", equalTo("withdrawn"));
        }
    }

    /** Ticks the boxes of these results. */
    private void tick(long... ids) {
        for (long id : ids) {
            WebElement box = browser.findElement(By.cssSelector(".items .pick input[value='" + id + "']"));
            box.click();
            assertTrue(box.isSelected());
        }
    }

    /** The one file with this extension that the browser downloaded into the folder, once it is whole. */
    private static Path download(Path folder, String extension) throws Exception {
        Path[] found = new Path[1];
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> done =
                        files.filter(f -> f.toString().endsWith(extension)).toList();
                found[0] = done.size() == 1 ? done.get(0) : null;
                return found[0] != null;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return found[0];
    }

    private void follow(WebElement linkOrButton) {
        HeadlessChromium.clickAndLoad(browser, linkOrButton);
    }

    private String heading() {
        return browser.findElement(By.id("results-heading")).getText();
    }

    private List<WebElement> items() {
        return browser.findElements(By.cssSelector(".items > li h2 a"));
    }

    private List<String> headlines() {
        return items().stream().map(WebElement::getText).toList();
    }

    /** The page names its Atom feed in its head and in a visible link, and the feed holds the page's articles. */
    private void assertFeed(int articles) {
        String href = browser.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
                .getAttribute("href");
        assertEquals(
                href,
                browser.findElement(By.linkText("Atom feed of this search")).getAttribute("href"));
        String feed = given().get(href)
                .then()
                .statusCode(200)
                .contentType("application/atom+xml")
                .extract()
                .asString();
        assertEquals(articles, feed.split("<entry>", -1).length - 1, feed);
    }

    /** The page names its JSON twin, and the twin answers JSON. */
    private void assertJsonTwin() {
        String href = browser.findElement(By.cssSelector("link[rel=alternate][type='application/json']"))
                .getAttribute("href");
        given().get(href).then().statusCode(200).contentType("application/json");
    }
}
