package io.newsarchive.system;

import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.testing.CatalogTestDatabase;
import io.newsarchive.testing.PageBrowser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stylesheet in headless Chromium: the focus ring, field borders and chart bars stand out from the page by 3:1
 * at least (WCAG 2.2, 1.4.11), in the light and the dark scheme, and printing leaves menus, forms and charts out.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class StylesheetTest {

    /** The relative luminance of each of an element's colours, worked out by the browser from its computed style. */
    private static final String CONTRAST = """
            const luminance = c => {
              const [r, g, b] = c.match(/[0-9.]+/g).slice(0, 3).map(v => v / 255)
                  .map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
              const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            };
            const page = getComputedStyle(document.body).backgroundColor;
            const field = document.getElementById('q');
            const bar = document.querySelector('.chart rect.bar');
            field.focus();
            return {
              focus: ratio(getComputedStyle(field).outlineColor, page),
              border: ratio(getComputedStyle(field).borderTopColor, page),
              fieldBorder: ratio(getComputedStyle(field).borderTopColor, getComputedStyle(field).backgroundColor),
              bar: ratio(getComputedStyle(bar).fill, page),
              text: ratio(getComputedStyle(document.body).color, page),
              pageLuminance: luminance(page)
            };
            """;

    @RegisterExtension
    static final PageBrowser browser = new PageBrowser();

    @AfterEach
    void plainScreen() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
    }

    @Test
    void focusFieldsAndBarsStandOutInBothSchemes() {
        CatalogFixtures.ingest(article("Styled", LocalDate.of(2022, 1, 3), uniqueUrl(), "One."));
        for (String scheme : new String[] {"light", "dark"}) {
            browser.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            browser.open("/");
            @SuppressWarnings("unchecked")
            Map<String, Number> measured = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(CONTRAST);
            for (String part : new String[] {"focus", "border", "fieldBorder", "bar"}) {
                assertTrue(measured.get(part).doubleValue() >= 3, scheme + " " + part + ": " + measured);
            }
            assertTrue(measured.get("text").doubleValue() >= 7, scheme + " text: " + measured);
            double page = measured.get("pageLuminance").doubleValue();
            assertTrue(scheme.equals("dark") ? page < 0.05 : page > 0.9, scheme + " page: " + measured);
        }
    }

    @Test
    void printingLeavesOutMenusFormsAndCharts() {
        CatalogFixtures.ingest(article("Printed", LocalDate.of(2022, 1, 4), uniqueUrl(), "One."));
        browser.open("/");
        assertEquals("flex", browser.findElement(By.cssSelector("form.search")).getCssValue("display"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        for (String part : new String[] {"header.site", "form.search", ".facets", ".timeline"}) {
            assertEquals("none", browser.findElement(By.cssSelector(part)).getCssValue("display"), part);
        }
        assertTrue(browser.findElement(By.cssSelector(".items")).isDisplayed(), "the results are printed");
    }
}
