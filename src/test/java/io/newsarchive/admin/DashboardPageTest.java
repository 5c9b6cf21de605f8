package io.newsarchive.admin;

import io.newsarchive.account.Role;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.TestUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's charts in headless Chromium, on a desktop and on a 390 px phone. */
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

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aYearOrAMonthOfTheTimelineLinksToTheListingOfItsDays() {
        assertEquals(
                "/?from=2022-01-01&to=2022-12-31",
                DashboardPage.PERIOD_LINKS.days(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)));
    }

    @Test
    void theChartsAreReadableOnADesktopAndOnAPhone() throws Exception {
        CatalogFixtures.ingest(article("Dashboard", LocalDate.of(2022, 6, 1), uniqueUrl(), "Text."));
        browser.get(root + "signin");
        browser.findElement(By.id("username")).sendKeys(TestUsers.newUser(Role.ARCHIVIST));
        browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        HeadlessChromium.clickAndLoad(browser, browser.findElement(By.cssSelector("form.stacked button")));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(root + "admin");
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
}
