package io.newsarchive;

import io.newsarchive.admin.AdminFixtures;
import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.CatalogFixtures.NearCopyArticles;
import io.newsarchive.catalog.SourceCollections;
import io.newsarchive.reuse.NearCopies;
import io.newsarchive.reuse.NearCopyDecision;
import io.newsarchive.reuse.ReuseBacklog;
import io.newsarchive.savedsearch.SavedSearches;
import io.newsarchive.testing.Axe;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.ReuseLinking;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page in headless Chromium at 1280×900 and 390×844, signed out and signed in as the admin: axe-core finds no
 * violation, nothing scrolls sideways, each has a description for search engines, and each is saved as
 * target/screenshots/tour-WIDTH-NAME.png to be looked at. The keyboard reaches every control with a visible focus,
 * and the first result in few tab stops.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class PageTourTest {

    /** Width, height and the screenshots' prefix of each screen the tour is taken on. */
    private record Screen(int width, int height) {

        String name(String page) {
            return "tour-" + width + "-" + page;
        }
    }

    private static final List<Screen> SCREENS = List.of(new Screen(1280, 900), new Screen(390, 844));

    /**
     * Marks the focused element as reached and tells whether its focus ring stands out 3:1 from what is behind it;
     * null when the focus has left the page's controls (the last one was passed).
     */
    private static final String FOCUSED = """
            const luminance = c => {
              const [r, g, b] = c.match(/[0-9.]+/g).slice(0, 3).map(v => v / 255)
                  .map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
              const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            };
            const background = e => {
              for (; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (c !== 'transparent' && !/^rgba\\(.*, 0\\)$/.test(c)) return c;
              }
              return 'rgb(255, 255, 255)';
            };
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return null;
            const again = e.hasAttribute('data-tabbed');
            e.setAttribute('data-tabbed', '');
            const style = getComputedStyle(e);
            const contrast = ratio(style.outlineColor, background(e.parentElement));
            const seen = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && contrast >= 3;
            return {again: again, ring: seen,
                    what: e.outerHTML.slice(0, 100) + ' outline ' + style.outlineStyle + ' ' + style.outlineWidth + ' '
                        + style.outlineColor + ', ' + contrast.toFixed(2) + ':1'};
            """;

    /**
     * The visible controls that Tab never reached (a radio button counts as reached when one of its group was). A
     * chart's bars are left out: they are links for the mouse in a picture hidden from assistive technology, and the
     * chart's table holds the same links for the keyboard.
     */
    private static final String UNREACHED = """
            const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
            return [...document.querySelectorAll(controls)]
                // checkVisibility, unlike client rects, knows that a closed details element hides its content
                .filter(e => !e.disabled && e.checkVisibility({visibilityProperty: true}))
                .filter(e => !(e.getAttribute('tabindex') === '-1' && e.closest('[aria-hidden=true]')))
                .filter(e => !e.hasAttribute('data-tabbed'))
                .filter(e => !(e.type === 'radio'
                    && document.querySelector('input[type=radio][name="' + e.name + '"][data-tabbed]')))
                .map(e => e.outerHTML.slice(0, 100));
            """;

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Inject
    NearCopies nearCopies;

    @Inject
    ArticleCorrections corrections;

    @Inject
    SourceCollections collections;

    @Inject
    SavedSearches savedSearches;

    @Inject
    ReuseBacklog reuse;

    @Test
    void everyPageHasNoAxeViolationAndNoSidewaysScrollOnDesktopAndPhone() throws IOException {
        String word = CatalogFixtures.uniqueWord();
        String domain = CatalogFixtures.uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String url = "https://" + (i % 3 == 0 ? "www." : "news" + i % 4 + ".") + domain + "/story-" + i + ".html";
            files.add(article(
                    "Story " + i + " of the " + word + " tour, with a headline long enough to wrap on a phone",
                    LocalDate.of(2020 + i % 3, 1 + i % 12, 1 + i),
                    url,
                    "The " + word + " appears in sentence one.",
                    "A second sentence follows it."));
        }
        String revisedUrl = uniqueUrl();
        files.add(article("Revised " + word, LocalDate.of(2022, 3, 4), revisedUrl, "The first text."));
        files.add(article("Revised " + word, LocalDate.of(2022, 3, 4), revisedUrl, "The corrected text."));
        files.add(article("Withdrawn " + word, LocalDate.of(2022, 3, 5), uniqueUrl(), "Taken down."));
        String quote = "The minister said the talks in Geneva would go on until a lasting agreement was reached.";
        files.add(article("Quoted " + word, LocalDate.of(2022, 3, 6), "https://quotes." + domain + "/q.html", quote));
        files.add(article(
                "Quoted again " + word,
                LocalDate.of(2022, 3, 7),
                "https://echo." + domain + "/e.html",
                "“" + quote.replace(".", ",") + "” a reporter wrote."));
        List<Long> ids = CatalogFixtures.ingest(files.toArray(String[]::new));
        NearCopyArticles waiting = CatalogFixtures.ingestNearCopies();
        NearCopyArticles decided = CatalogFixtures.ingestNearCopies();
        ReuseLinking.linkAll();
        nearCopies.decide(decided.first(), decided.copy(), null, NearCopyDecision.SAME_ARTICLE, null, TestUsers.ADMIN);
        long first = ids.get(0);
        long older = ids.get(24);
        long newer = ids.get(25);
        long withdrawn = ids.get(26);
        assertInstanceOf(
                ArticleCorrections.Saved.class, corrections.withdraw(withdrawn, "legal takedown", 1, TestUsers.ADMIN));
        long run = AdminFixtures.dryRun("A headline without a date\n\nhttps://example.com/x\nText.\n");
        String source = "news1." + domain;
        String collection =
                collections.add("Tour " + word, "The sources of the tour", source + " www." + domain, TestUsers.ADMIN);
        savedSearches.save(TestUsers.ADMIN, "The tour's words", "q=" + word);

        Map<String, String> publicPages = new LinkedHashMap<>();
        publicPages.put("catalog", "/");
        publicPages.put("search", "/?q=" + word);
        publicPages.put("search-facet", "/?q=" + word + "&source=" + source);
        publicPages.put("article", "/articles/" + first);
        publicPages.put("article-versions", "/articles/" + newer);
        publicPages.put("article-old-version", "/articles/" + older);
        publicPages.put("article-withdrawn", "/articles/" + withdrawn);
        publicPages.put("article-shared", "/articles/" + ids.get(28));
        publicPages.put("article-same", "/articles/" + decided.copy());
        publicPages.put("passages", "/passages");
        publicPages.put("passage", "/?passage=" + URLEncoder.encode(quote, StandardCharsets.UTF_8));
        long passage = given().get("/api/articles/" + ids.get(28) + "/reuse")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("sentences[0].passage_id");
        publicPages.put("passage-spread", "/passages/" + passage);
        publicPages.put("source-pairs", "/source-pairs");
        publicPages.put("sources", "/sources");
        publicPages.put("source", "/sources/" + source);
        publicPages.put("collections", "/collections");
        publicPages.put("collection", "/?collection=" + collection);
        publicPages.put("top-words", "/words?q=" + word);
        publicPages.put("coverage", "/coverage?q=" + word);
        publicPages.put("compare", "/compare?q1=" + word + "&q2=" + word + "&source2=" + source + "&label2=In+news1");
        publicPages.put("refused-search", "/?q=the");
        publicPages.put("refused-date", "/?from=2022-13-01");
        publicPages.put("not-found", "/no/such/page");
        Map<String, String> adminPages = new LinkedHashMap<>();
        adminPages.put("dashboard", "/admin");
        adminPages.put("upload", "/admin/upload");
        adminPages.put("runs", "/admin/runs");
        adminPages.put("run-rejected", "/admin/runs/" + run);
        adminPages.put("settings", "/admin/settings");
        adminPages.put("users", "/admin/users");
        adminPages.put("audit", "/admin/audit");
        adminPages.put("near-copies", "/admin/near-copies");
        adminPages.put("near-copy", "/admin/near-copies/" + waiting.first() + "/" + waiting.copy());
        adminPages.put("events", "/admin/events");
        adminPages.put("restore", "/admin/restore");
        adminPages.put("article-edit", "/admin/articles/" + newer + "/edit");
        adminPages.put("admin-collections", "/admin/collections");
        adminPages.put("admin-collection", "/admin/collections/" + collection);
        adminPages.put("saved-searches", "/saved-searches");
        adminPages.put(
                "withdrawals",
                "/admin/withdrawals?id=" + first + "&id=" + newer + "&id=" + withdrawn + "&results=/?q=" + word);

        List<String> problems = new ArrayList<>();
        for (Screen screen : SCREENS) {
            emulate(screen);
            publicPages.forEach((name, path) -> problems.addAll(visit(screen, name, path)));
            problems.addAll(visit(screen, "signin", "/signin"));
            browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            publicPages.forEach((name, path) -> problems.addAll(visit(screen, name + "-admin", path)));
            adminPages.forEach((name, path) -> problems.addAll(visit(screen, name, path)));
            browser.signOut();
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void theKeyboardReachesEveryControlWithAVisibleFocusAndTheFirstResultInFewTabs() {
        String word = CatalogFixtures.uniqueWord();
        String domain = CatalogFixtures.uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            files.add(article(
                    "Keyboard " + i + " " + word,
                    LocalDate.of(2020, 1, 2).plusMonths(i),
                    "https://s" + i % 5 + "." + domain + "/k" + i,
                    "The " + word + " text."));
        }
        long id = CatalogFixtures.ingest(files.toArray(String[]::new)).get(0);
        long run = AdminFixtures.dryRun("A headline without a date\n\nhttps://example.com/x\nText.\n");
        emulate(SCREENS.get(0));

        browser.open("/?q=" + word);
        WebElement firstResult = browser.findElement(By.cssSelector(".items h2 a"));
        browser.findElement(By.id("q")).click();
        int presses = 0;
        while (!firstResult.equals(browser.switchTo().activeElement()) && presses < 200) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            presses++;
        }
        assertTrue(presses <= 20, presses + " tab presses from the search box to the first result");

        List<String> problems = new ArrayList<>();
        browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        for (String path : List.of(
                "/?q=" + word,
                "/articles/" + id,
                "/passages",
                "/admin",
                "/admin/upload",
                "/admin/runs/" + run,
                "/admin/users",
                "/admin/articles/" + id + "/edit",
                "/admin/withdrawals?id=" + id)) {
            problems.addAll(tabThrough(path));
        }
        browser.signOut();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Tabs through the page from its top to its last control: each stop must show a focus ring of 3:1, and every
     * visible control must be reached.
     */
    private List<String> tabThrough(String path) {
        browser.get(browser.url(path));
        List<String> problems = new ArrayList<>();
        for (int presses = 0; presses < 500; presses++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) browser.executeScript(FOCUSED);
            if (focused == null || Boolean.TRUE.equals(focused.get("again"))) {
                break;
            }
            if (!Boolean.TRUE.equals(focused.get("ring"))) {
                problems.add(path + ": no focus ring of 3:1 on " + focused.get("what"));
            }
        }
        @SuppressWarnings("unchecked")
        List<String> unreached = (List<String>) browser.executeScript(UNREACHED);
        unreached.forEach(control -> problems.add(path + ": the keyboard never reaches " + control));
        return problems;
    }

    /**
     * Loads the page, checks its status (a refused search 400, an unknown address 404, every other page 200), runs
     * axe on it, checks that nothing scrolls sideways and saves a screenshot.
     */
    private List<String> visit(Screen screen, String name, String path) {
        browser.get(browser.url(path));
        String where = screen.name(name) + " (" + path + "): ";
        List<String> problems = new ArrayList<>();
        int expected = name.startsWith("refused-") ? 400 : name.startsWith("not-found") ? 404 : 200;
        Object status = browser.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
        if (((Number) status).intValue() != expected) {
            problems.add(where + "answered " + status + ", not " + expected);
        }
        for (String violation : Axe.violations(browser)) {
            problems.add(where + violation);
        }
        Object description = browser.executeScript("return document.querySelector('meta[name=description]')?.content");
        if (description == null || description.toString().isBlank()) {
            problems.add(where + "no meta description (search engines show one)");
        }
        // A phone widens its layout viewport (window.innerWidth) to what overflows: the screen's width is the limit.
        Number overflow = (Number) browser.executeScript(
                "const page = document.documentElement;"
                        + "return page.scrollWidth - Math.min(window.innerWidth, page.clientWidth, arguments[0])",
                screen.width());
        if (overflow.intValue() > 0) {
            problems.add(where + "scrolls sideways by " + overflow + " px");
        }
        try {
            HeadlessChromium.screenshot(browser, screen.name(name));
        } catch (IOException e) {
            problems.add(where + "no screenshot: " + e);
        }
        return problems;
    }

    /** The page's size as the browser lays it out: a phone's (with its viewport meta honoured) below 600 px. */
    private static void emulate(Screen screen) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        screen.width(),
                        "height",
                        screen.height(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        screen.width() < 600));
    }
}
