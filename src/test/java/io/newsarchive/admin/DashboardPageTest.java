package io.newsarchive.admin;

import io.agroal.api.AgroalDataSource;
import io.newsarchive.account.Role;
import io.newsarchive.account.Sessions;
import io.newsarchive.audit.AuditAction;
import io.newsarchive.audit.AuditEvent;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.newsarchive.testing.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard: its charts on a desktop and a 390 px phone, and the Needs attention list an archivist can dismiss runs from. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class DashboardPageTest {

    /** The top sources' table: its smallest text, whether it reaches out of the window, and links in pictures. */
    private static final String SOURCES = """
            const table = document.querySelector('table.bar-table');
            const cells = [...table.querySelectorAll('th, td, a')].filter(e => e.textContent.trim());
            return {
              smallestText: Math.min(...cells.map(e => parseFloat(getComputedStyle(e).fontSize))),
              reachesOut: table.getBoundingClientRect().right > document.documentElement.clientWidth,
              linksInImages: document.querySelectorAll('[role=img] a').length,
              hosts: [...table.querySelectorAll('tbody th a')].map(a => a.textContent)
            };
            """;

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aYearOrAMonthOfTheTimelineLinksToTheListingOfItsDays() {
        assertEquals(
                "/?from=2022-01-01&to=2022-12-31",
                DashboardPage.PERIOD_LINKS.days(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
    }

    @Test
    void theChartsAreReadableOnADesktopAndOnAPhone() throws Exception {
        CatalogFixtures.ingest(article("Dashboard", LocalDate.of(2022, 6, 1), uniqueUrl(), "Text."));
        browser.open("/signin");
        browser.findElement(By.id("username")).sendKeys(TestUsers.newUser(Role.ARCHIVIST));
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.cssSelector("form.stacked button")));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.open("/admin");
            @SuppressWarnings("unchecked")
            Map<String, Object> sources = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(SOURCES);
            String where = size.width + " px: " + sources;
            assertTrue(((Number) sources.get("smallestText")).doubleValue() >= 11, where);
            assertEquals(false, sources.get("reachesOut"), where);
            assertEquals(0L, sources.get("linksInImages"), where);
            assertFalse(((List<?>) sources.get("hosts")).isEmpty(), where);
            Map<String, Object> timeline = io.newsarchive.catalog.TimelineTest.measure(
                    browser, browser.findElement(By.cssSelector("figure.chart")));
            assertTrue(((Number) timeline.get("smallestText")).doubleValue() >= 11, size.width + " px: " + timeline);
            assertFalse(((List<?>) timeline.get("valueTicks")).isEmpty(), size.width + " px: " + timeline);
            assertFalse(((List<?>) timeline.get("periodTicks")).isEmpty(), size.width + " px: " + timeline);
            browser.findElement(By.id("sources-heading")).click();
            HeadlessChromium.screenshot(browser, "dashboard-charts-" + size.width);
        }
    }

    @Test
    void anArchivistDismissesARunFromNeedsAttentionAndCanPutItBack() throws IOException {
        String name = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession archivist = TestUsers.signIn(name, TestUsers.PASSWORD);
        long run =
                RunsPageTest.upload(archivist, "store", Map.of("bad.txt", "No date\n\nhttps://example.com/d\nText.\n"));
        assertEquals("completed", AdminFixtures.awaitFinished(archivist, run));

        browser.open("/signin");
        browser.manage().addCookie(new Cookie(Sessions.COOKIE, archivist.cookie()));
        browser.open("/admin");
        WebElement item = attentionItem(run);
        assertTrue(item.getText().contains("rejected 1 of 1 file"), item.getText());
        HeadlessChromium.screenshot(browser, "dashboard-attention");
        HeadlessChromium.clickAndLoad(browser, item.findElement(By.xpath(".//button[starts-with(., 'Dismiss')]")));

        assertTrue(browser.getCurrentUrl().endsWith("/admin?dismissed=" + run), browser.getCurrentUrl());
        assertEquals(List.of(), attentionLinks(run), "no longer under Needs attention");
        String notice = browser.findElement(By.id("dismissed")).getText();
        assertTrue(notice.startsWith("Run #" + run + " is no longer listed under Needs attention"), notice);
        HeadlessChromium.screenshot(browser, "dashboard-dismissed");
        assertEquals(1, audited(AuditAction.RUN_DISMISS, run, name));

        browser.open("/admin/runs");
        assertEquals(
                1,
                browser.findElements(By.cssSelector("table.runs a[href='/admin/runs/" + run + "']"))
                        .size(),
                "the list of runs still shows it");
        browser.open("/admin/runs/" + run);
        String dismissed = browser.findElement(By.id("dismissed")).getText();
        assertTrue(
                dismissed.startsWith(name + " took this run off the dashboard's Needs attention list on "), dismissed);

        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.xpath("//button[.='Put it back']")));
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());
        attentionItem(run);
        assertEquals(1, audited(AuditAction.RUN_UNDISMISS, run, name));

        // dismissing twice (a double click) records it once
        for (int i = 0; i < 2; i++) {
            Response dismiss = post(archivist, "/admin/runs/" + run + "/dismiss", archivist.csrf());
            assertEquals(303, dismiss.statusCode(), dismiss.body().asString());
        }
        assertEquals(2, audited(AuditAction.RUN_DISMISS, run, name));
        browser.open("/admin?dismissed=" + run);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.xpath("//button[.='Undo']")));
        attentionItem(run);
    }

    @Test
    void aDismissalNeedsTheFormTokenAnEndedRunAndAnIdThatIsOne() throws Exception {
        String name = TestUsers.newUser(Role.ARCHIVIST);
        TestUsers.BrowserSession archivist = TestUsers.signIn(name, TestUsers.PASSWORD);
        long run =
                RunsPageTest.upload(archivist, "store", Map.of("bad.txt", "No date\n\nhttps://example.com/e\nText.\n"));
        AdminFixtures.awaitFinished(archivist, run);
        assertEquals(
                403,
                post(archivist, "/admin/runs/" + run + "/dismiss", "forged").statusCode());
        assertEquals(0, audited(AuditAction.RUN_DISMISS, run, name));

        try (AdminFixtures.RunningRun running = new AdminFixtures.RunningRun(dataSource, name, 10, 1)) {
            Response refused = post(archivist, "/admin/runs/" + running.id + "/dismiss", archivist.csrf());
            assertEquals(409, refused.statusCode());
            assertTrue(
                    refused.body().asString().contains("still running"),
                    refused.body().asString());
        }
        assertEquals(
                404,
                post(archivist, "/admin/runs/999999999/dismiss", archivist.csrf())
                        .statusCode());
        Response bad = archivist.request().get("/admin?dismissed=soon");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().asString().contains("dismissed"), bad.body().asString());
        // a run that was not dismissed offers no undoing
        assertTrue(!archivist
                .request()
                .get("/admin?dismissed=" + run)
                .body()
                .asString()
                .contains("id=\"dismissed\""));
    }

    private static Response post(TestUsers.BrowserSession session, String path, String csrf) {
        return session.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf)
                .post(path);
    }

    private static long audited(AuditAction action, long run, String user) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("action = ?1 and runId = ?2 and username = ?3", action, run, user));
    }

    /** The Needs attention item of the run. */
    private static WebElement attentionItem(long run) {
        List<WebElement> links = attentionLinks(run);
        assertEquals(1, links.size(), "listed under Needs attention once");
        return links.get(0).findElement(By.xpath("./ancestor::li"));
    }

    private static List<WebElement> attentionLinks(long run) {
        return browser.findElements(By.cssSelector("section.attention a[href='/admin/runs/" + run + "']"));
    }
}
