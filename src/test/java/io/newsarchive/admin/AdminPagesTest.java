package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.CorpusFiles;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin flows in headless Chromium: sign in, dry-run an upload with a good and a bad file, store it, watch a
 * large run finish, correct an article and see its history, withdraw and restore it, and be turned away as a viewer.
 * A headline made of a script tag shows as text on every page. Screenshots go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class AdminPagesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    private static final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    @Test
    void anArchivistUploadsChecksStoresCorrectsWithdrawsAndRestores() throws IOException {
        String archivist = TestUsers.newUser(Role.ARCHIVIST);
        String word = CatalogFixtures.uniqueWord();
        Path dir = Files.createTempDirectory("admin-upload");
        Path good = Files.writeString(
                dir.resolve("good.txt"),
                article(SCRIPT + " " + word, LocalDate.of(2024, 5, 6), uniqueUrl(), "A story about " + word + "."));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "A headline\nyesterday\nhttps://example.com/x\nText.\n");

        browser.signIn(archivist, TestUsers.PASSWORD);
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());

        browser.open("/admin/upload");
        browser.findElement(By.id("file")).sendKeys(good + "\n" + bad);
        assertTrue(
                browser.findElement(By.cssSelector("input[name=mode][value=dry_run]"))
                        .isSelected(),
                "a dry run is the default");
        clickAndLoad(By.cssSelector("form.upload button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[normalize-space()='Store these files']")));
        String report = browser.findElement(By.cssSelector("table.files")).getText();
        assertTrue(report.contains("bad.txt rejected"), report);
        assertTrue(report.contains("error: line 2:"), report);
        assertTrue(report.contains("good.txt would add"), "a dry run's rows say what storing would do: " + report);
        assertEquals(
                List.of("All files 2", "Rejected 1", "With warnings 0", "Added 1", "Revisions 0", "Duplicates 0"),
                browser.findElements(By.cssSelector("nav.filters a")).stream()
                        .map(a -> a.getText().replaceAll("\\s+", " ").strip())
                        .toList(),
                "each filter says how many files it shows");
        String meta = browser.findElement(By.cssSelector("p.meta")).getText();
        assertTrue(meta.matches("Started .* UTC by .*; finished .* UTC, after [0-9.]+ s\\..*"), meta);
        HeadlessChromium.screenshot(browser, "upload-report");

        clickAndLoad(By.xpath("//button[normalize-space()='Store these files']"));
        wait.until(d -> String.valueOf(progressText()).startsWith("COMPLETED"));
        String run = browser.getCurrentUrl();
        browser.open("/?q=" + word);
        assertEquals(
                SCRIPT + " " + word,
                browser.findElement(By.cssSelector(".items h2")).getText());
        assertNoAlert();
        browser.get(run);
        clickAndLoad(By.cssSelector("table.files tr.outcome-added a[href^='/articles/']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
        assertEquals(
                SCRIPT + " " + word,
                browser.findElement(By.cssSelector("article h1")).getText());
        assertNoAlert();

        clickAndLoad(By.linkText("Correct the metadata"));
        assertEquals(SCRIPT + " " + word, browser.findElement(By.id("headline")).getAttribute("value"));
        assertEquals("textarea", browser.findElement(By.id("headline")).getTagName(), "room for long headlines");
        browser.findElement(By.id("headline")).clear();
        browser.findElement(By.id("headline")).sendKeys("Corrected " + word);
        browser.findElement(By.id("reason")).sendKeys("the headline held markup");
        clickAndLoad(By.cssSelector("form.edit button"));
        String history = browser.findElement(By.cssSelector("section.history")).getText();
        assertTrue(history.contains("edit by " + archivist + " (revision 2) – “the headline held markup”"), history);
        assertTrue(history.contains("headline: " + SCRIPT + " " + word + " → Corrected " + word), history);

        browser.findElement(By.id("status-reason")).sendKeys("checking withdrawal");
        // destructive, so it looks so and asks to be confirmed first
        WebElement withdraw = browser.findElement(By.xpath("//button[normalize-space()='Withdraw this article']"));
        assertEquals("rgba(179, 38, 30, 1)", withdraw.getCssValue("background-color"));
        String before = browser.getCurrentUrl();
        withdraw.click();
        assertEquals(before, browser.getCurrentUrl(), "not sent unconfirmed");
        assertFalse(browser.findElement(By.name("confirm"))
                .getAttribute("validationMessage")
                .isEmpty());
        browser.findElement(By.name("confirm")).click();
        clickAndLoad(By.xpath("//button[normalize-space()='Withdraw this article']"));
        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("Reason: checking withdrawal"));
        browser.open("/?q=" + word);
        assertTrue(browser.findElement(By.cssSelector(".results h1")).getText().startsWith("0 articles"));
        browser.navigate().back();
        browser.findElement(By.id("status-reason")).sendKeys("withdrawn by mistake");
        clickAndLoad(By.xpath("//button[normalize-space()='Restore this article']"));
        browser.open("/?q=" + word);
        assertEquals(
                "Corrected " + word,
                browser.findElement(By.cssSelector(".items h2")).getText());

        browser.open("/admin/audit?user=" + archivist);
        String audit = browser.findElement(By.cssSelector("table.audit")).getText();
        assertTrue(
                audit.contains("restore")
                        && audit.contains("withdraw")
                        && audit.contains("edit")
                        && audit.contains("ingest"),
                audit);
        assertTrue(audit.contains(SCRIPT), "the old headline shows as text in the audit log");
        assertNoAlert();
        HeadlessChromium.screenshot(browser, "audit-log");

        browser.open("/admin");
        assertTrue(browser.findElement(By.cssSelector("dl.totals")).getText().contains("Articles"));
        HeadlessChromium.screenshot(browser, "dashboard");
        browser.signOut();
    }

    @Test
    void aLargeRunShowsItsProgressUntilItFinishes() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            entries.put(
                    String.format("a/%05d.txt", i),
                    article("Large run " + i, uniqueUrl(), "Sentence " + i + ".")
                            .getBytes(StandardCharsets.UTF_8));
        }
        Path zip = Files.write(Files.createTempDirectory("admin-large").resolve("large.zip"), CorpusFiles.zip(entries));
        browser.signIn(TestUsers.newUser(Role.ARCHIVIST), TestUsers.PASSWORD);
        browser.open("/admin/upload");
        browser.findElement(By.id("file")).sendKeys(zip.toString());
        clickAndLoad(By.cssSelector("form.upload button[type=submit]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-text")));
        // without scripts the page of a running run loads itself again (3,000 files take longer than this page)
        assertTrue(
                browser.getPageSource().contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>"),
                "a running run's page refreshes itself without scripts");
        List<String> seen = new ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith("COMPLETED")) {
            String text = wait.until(d -> progressText());
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(text)) {
                seen.add(text);
            }
        }
        // how many of these a run shows depends on how fast it goes; RunsPageTest steps through each in turn
        assertTrue(
                seen.stream()
                        .filter(t -> t.startsWith("RUNNING"))
                        .allMatch(t -> t.matches("RUNNING: reading and checking the first files of 3,000, .*")
                                || t.matches("RUNNING: [\\d,]+ of 3,000 files after \\d+ s, (checking the next ones"
                                        + "|[\\d.,]+ files per second, (about .+|less than 10 s) left)\\.")),
                seen.toString());
        assertTrue(
                seen.stream().noneMatch(t -> t.matches(".*\\b0(\\.0)? files per second.*")),
                "no rate of nothing: " + seen);
        assertTrue(seen.get(seen.size() - 1).startsWith("COMPLETED: 3,000 files in all"), seen.toString());
        assertEquals("3,000", browser.findElement(By.id("count-added")).getText(), "counts are grouped");
        browser.signOut();
    }

    /**
     * The admin menu marks the page shown; counts are written with their thousands marked; an article's run links
     * to the run's page for archivists (not to its JSON).
     */
    @Test
    void theMenuMarksThePageCountsAreGroupedAndRunsLinkToTheirPage() {
        String host = "many." + CatalogFixtures.uniqueDomain();
        String[] files = new String[1000];
        for (int i = 0; i < files.length; i++) {
            files[i] = article("Story " + i, LocalDate.of(2023, 1, 1), "https://" + host + "/" + i, "Text " + i + ".");
        }
        long id = CatalogFixtures.ingest(files).get(0);

        // a dry run left with a rejected file: a check that stored nothing, not something to attend to
        int dryRun = TestUsers.asAdmin()
                .multiPart(
                        "file",
                        "bad.txt",
                        "A headline\nyesterday\nhttps://example.com/x\nText.\n".getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .post("/api/ingest?dry_run=true")
                .then()
                .statusCode(200)
                .extract()
                .path("run.id");

        browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.open("/admin");
        assertTrue(
                browser.findElements(By.cssSelector("a[href='/admin/runs/" + dryRun + "']")).stream()
                        .noneMatch(
                                a -> a.findElements(By.xpath("ancestor::section[@aria-labelledby='attention-heading']"))
                                                .size()
                                        > 0),
                "a completed dry run does not need attention");
        for (String[] page : new String[][] {
            {"/admin", "/admin"},
            {"/admin/runs", "/admin/runs"},
            {"/admin/audit", "/admin/audit"},
            {"/admin/users", "/admin/users"}
        }) {
            browser.get(browser.url(page[0]));
            List<String> current = browser.findElements(By.cssSelector("nav.admin a[aria-current=page]")).stream()
                    .map(a -> a.getAttribute("href"))
                    .toList();
            assertEquals(List.of(browser.url(page[1])), current, page[0]);
        }

        browser.open("/sources");
        String row = browser.findElement(By.xpath("//tr[td/a[text()='" + host + "']]"))
                .getText();
        assertTrue(row.contains("1,000"), row);
        browser.open("/admin");
        assertTrue(
                browser.findElement(By.cssSelector("dl.totals"))
                        .getText()
                        .matches("(?s).*Articles\\s+\\d{1,3}(,\\d{3})+.*"),
                browser.findElement(By.cssSelector("dl.totals")).getText());

        browser.open("/articles/" + id);
        String run = browser.findElement(By.partialLinkText("run ")).getAttribute("href");
        assertTrue(run.matches(".*/admin/runs/\\d+"), run);
        browser.signOut();
        browser.open("/articles/" + id);
        assertTrue(browser.findElements(By.partialLinkText("run ")).isEmpty(), "no link to an admin page for visitors");
    }

    /** No admin page scrolls sideways on a phone, with long addresses in an article, its events and its audit. */
    @Test
    void onAPhoneNoAdminPageScrollsSideways() throws IOException {
        String address = "https://news." + CatalogFixtures.uniqueDomain() + "/world/2024/05/06/"
                + "a-very-long-address-".repeat(6) + "end?section=international&page=1";
        long id = CatalogFixtures.ingest(article("Wide", LocalDate.of(2024, 5, 6), address, "One."))
                .get(0);
        browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        browser.open("/admin/articles/" + id + "/edit");
        browser.findElement(By.id("url")).clear();
        browser.findElement(By.id("url")).sendKeys(address.replace("/world/", "/europe/"));
        browser.findElement(By.id("reason")).sendKeys("moved to its section");
        clickAndLoad(By.cssSelector("form.edit button[type=submit]"));
        try {
            HeadlessChromium.phone(browser);
            for (String page : new String[] {
                "/admin",
                "/admin/upload",
                "/admin/runs",
                "/admin/audit",
                "/admin/events?article=" + id,
                "/admin/users",
                "/admin/restore",
                "/admin/settings",
                "/admin/articles/" + id + "/edit",
                "/articles/" + id
            }) {
                browser.get(browser.url(page));
                assertEquals(0, HeadlessChromium.sidewaysOverflow(browser), page + " scrolls sideways");
                HeadlessChromium.screenshot(browser, "phone" + page.replaceAll("[^a-z0-9]+", "-"));
            }
            // the changed address in the article's history and the audit log wraps at its slashes, not mid-word
            for (String page : new String[] {"/articles/" + id, "/admin/audit"}) {
                browser.get(browser.url(page));
                String changes =
                        browser.findElement(By.cssSelector("ul.changes")).getAttribute("innerHTML");
                assertTrue(changes.contains("/<wbr>europe/<wbr>"), page + ": " + changes);
            }
            // the admin menu is one line until opened, then two columns with the current page marked
            browser.open("/admin/runs");
            WebElement toggle = browser.findElement(By.cssSelector("label.fold-toggle.admin-menu"));
            WebElement menu = browser.findElement(By.cssSelector("nav.admin"));
            assertFalse(menu.isDisplayed(), "folded on a phone");
            assertTrue(toggle.getSize().getHeight() < 60, "one line: " + toggle.getSize());
            toggle.click();
            assertTrue(menu.isDisplayed());
            List<WebElement> links = menu.findElements(By.tagName("a"));
            assertEquals(
                    links.get(0).getLocation().getY(),
                    links.get(1).getLocation().getY(),
                    "two columns");
            assertTrue(menu.getSize().getHeight() < 200, "at most five rows: " + menu.getSize());
            assertEquals(
                    "Ingest runs",
                    menu.findElement(By.cssSelector("a[aria-current=page]")).getText());
        } finally {
            HeadlessChromium.desktop(browser);
            browser.signOut();
        }
    }

    @Test
    void aViewerCannotReachTheAdminPages() {
        browser.signIn(TestUsers.newUser(Role.VIEWER), TestUsers.PASSWORD);
        assertTrue(browser.getCurrentUrl().equals(browser.url("/")), browser.getCurrentUrl());
        assertTrue(browser.findElements(By.linkText("Admin")).isEmpty(), "no Admin link for a viewer");
        browser.open("/admin");
        assertEquals("Not allowed", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("whose role is viewer"));
        browser.signOut();
    }

    /** The run page's progress line, or null while the page reloads itself (as it does when the run ends). */
    private static String progressText() {
        try {
            return browser.findElement(By.id("progress-text")).getText();
        } catch (WebDriverException reloading) {
            return null;
        }
    }

    /** Clicks what leads to another page and waits until that page has replaced this one. */
    private static void clickAndLoad(By by) {
        HeadlessChromium.clickAndLoad(browser, browser.findElement(by));
    }

    private static void assertNoAlert() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }
}
