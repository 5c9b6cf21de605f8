package io.newsarchive.catalog;

import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.HeadlessChromium;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.newsarchive.catalog.CatalogFixtures.ingest;
import static io.newsarchive.catalog.CatalogFixtures.uniqueDomain;
import static io.newsarchive.catalog.CatalogFixtures.uniqueWord;
import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog page's chart of articles per month in headless Chromium, on a desktop and on a 390 px phone: axes with
 * labelled ticks, values written out, text that stays readable, a table and a CSV of the same numbers, and no link
 * that screen readers cannot reach or that keyboards must tab through.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
public class TimelineTest {

    static final List<Dimension> WIDTHS = List.of(new Dimension(1280, 900), new Dimension(390, 844));

    /** What a chart shows, measured by the browser: only what is drawn counts (minor ticks hide on phones). */
    static final String MEASURE = """
            const chart = arguments[0];
            const shown = e => e.getClientRects().length > 0;
            const texts = sel => [...chart.querySelectorAll(sel)].filter(shown);
            const all = texts('svg text');
            const plot = chart.querySelector('svg.plot-area').getBoundingClientRect();
            const bars = [...chart.querySelectorAll('rect.bar')].map(b => b.getBoundingClientRect().width / plot.width);
            return {
              valueTicks: texts('.value-tick').map(t => t.textContent),
              periodTicks: texts('.period-tick text').map(t => t.textContent),
              values: texts('text.value').map(t => t.textContent),
              smallestText: Math.min(...all.map(t => Math.min(t.getBoundingClientRect().height,
                  parseFloat(getComputedStyle(t).fontSize)))),
              outside: all.filter(t => t.getBoundingClientRect().left < 0
                  || t.getBoundingClientRect().right > document.documentElement.clientWidth).map(t => t.textContent),
              widestBar: Math.max(...bars),
              linksInImages: document.querySelectorAll('[role=img] a, [role=img] [tabindex]').length,
              reachableInHidden: [...document.querySelectorAll('[aria-hidden=true] a, [aria-hidden=true] [tabindex]')]
                  .filter(e => e.tabIndex >= 0).length,
              reachesOutOfTheWindow: chart.getBoundingClientRect().right > document.documentElement.clientWidth
                  || chart.scrollWidth > chart.clientWidth
            };
            """;

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @Test
    void theChartHasAxesValuesATableAndACsvAtBothWidths() throws IOException {
        String domain = uniqueDomain();
        List<String> files = new ArrayList<>();
        int[][] perMonth = {{2022, 1, 3}, {2022, 3, 1}, {2022, 6, 5}};
        for (int[] month : perMonth) {
            for (int i = 0; i < month[2]; i++) {
                files.add(article(
                        "Story " + i,
                        LocalDate.of(month[0], month[1], 1 + i),
                        "https://" + domain + "/" + month[1] + "/" + i,
                        "Text."));
            }
        }
        ingest(files.toArray(String[]::new));

        for (Dimension size : WIDTHS) {
            browser.manage().window().setSize(size);
            browser.open("/?source=" + domain);
            WebElement chart = browser.findElement(By.cssSelector("figure.chart"));
            Map<String, Object> shown = measure(browser, chart);
            String where = size.width + " px: " + shown;
            assertEquals(List.of("0", "2", "4", "6"), shown.get("valueTicks"), where);
            // a phone has room for one label under six bars, a desktop for a quarter's
            assertEquals(
                    size.width > 1000 ? List.of("2022-01", "2022-04") : List.of("2022-01"),
                    shown.get("periodTicks"),
                    where);
            assertEquals(List.of("3", "1", "5"), shown.get("values"), "the values over their bars, " + where);
            assertTrue(((Number) shown.get("smallestText")).doubleValue() >= 11, where);
            assertEquals(List.of(), shown.get("outside"), where);
            assertEquals(0L, shown.get("linksInImages"), where);
            assertEquals(0L, shown.get("reachableInHidden"), where);
            assertEquals(false, shown.get("reachesOutOfTheWindow"), where);
            HeadlessChromium.screenshot(browser, "timeline-" + size.width);
        }

        WebElement chart = browser.findElement(By.cssSelector("figure.chart"));
        chart.findElement(By.tagName("summary")).click();
        List<List<String>> table = new ArrayList<>();
        for (WebElement row : chart.findElements(By.cssSelector("tbody tr"))) {
            table.add(List.of(
                    row.findElement(By.tagName("th")).getText(),
                    row.findElement(By.tagName("td")).getText()));
        }
        assertEquals(
                List.of(
                        List.of("2022-01", "3"),
                        List.of("2022-02", "0"),
                        List.of("2022-03", "1"),
                        List.of("2022-04", "0"),
                        List.of("2022-05", "0"),
                        List.of("2022-06", "5")),
                table);
        HeadlessChromium.screenshot(browser, "timeline-table-390");
        assertEquals(
                browser.url("/?source=" + domain + "&from=2022-03-01&to=2022-03-31"),
                chart.findElement(By.linkText("2022-03")).getAttribute("href"),
                "a period of the table leads to its articles");

        String csv = chart.findElement(By.linkText("These numbers as CSV")).getAttribute("href");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : parse(given().get(csv)
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString())) {
            rows.add(List.of(r.get("month"), r.get("articles")));
        }
        assertEquals(table, rows, "the CSV holds the table's numbers");
    }

    @Test
    void aOneResultSearchDrawsANarrowBar() throws IOException {
        String word = uniqueWord();
        ingest(article("A lone " + word, LocalDate.of(2023, 12, 23), uniqueUrl(), "Text."));
        for (Dimension size : WIDTHS) {
            browser.manage().window().setSize(size);
            browser.open("/?q=" + word);
            Map<String, Object> shown = measure(browser, browser.findElement(By.cssSelector("figure.chart")));
            assertTrue(((Number) shown.get("widestBar")).doubleValue() < 0.1, size.width + " px: " + shown);
            assertEquals(List.of("1"), shown.get("values"));
            assertEquals(List.of("2023-12"), shown.get("periodTicks"));
            HeadlessChromium.screenshot(browser, "timeline-one-result-" + size.width);
        }
    }

    /** From the search box to the first result, the chart takes two tab stops: its CSV and its table. */
    @Test
    void theKeyboardPassesTheChartInTwoTabStops() throws IOException {
        String domain = uniqueDomain();
        List<String> files = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (int year = 2020; year <= 2021; year++) {
                files.add(article(
                        "Monthly",
                        LocalDate.of(year, month, 2),
                        "https://" + domain + "/" + year + "/" + month,
                        "Text."));
            }
        }
        ingest(files.toArray(String[]::new));
        browser.manage().window().setSize(WIDTHS.get(0));
        browser.open("/?source=" + domain);
        assertEquals(
                24,
                browser.findElements(By.cssSelector("figure.chart rect.bar")).size());
        WebElement first = browser.findElement(By.cssSelector(".items h2 a"));
        browser.findElement(By.id("q")).click();
        List<String> inChart = new ArrayList<>();
        int stops = 0;
        while (!first.equals(browser.switchTo().activeElement()) && stops < 100) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            stops++;
            WebElement focused = browser.switchTo().activeElement();
            if (!focused.findElements(By.xpath("ancestor::figure[contains(@class, 'chart')]"))
                    .isEmpty()) {
                inChart.add(focused.getText());
            }
        }
        assertEquals(List.of("These numbers as CSV", "Table of these numbers"), inChart);
        assertTrue(stops <= 20, stops + " tab stops from the search box to the first result");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> measure(WebDriver browser, WebElement chart) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(MEASURE, chart);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
