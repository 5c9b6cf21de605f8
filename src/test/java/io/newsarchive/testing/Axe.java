package io.newsarchive.testing;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * axe-core, from the npm package that src/dev/test-up installs in src/test/js, run in the page the browser shows:
 * every rule axe runs by default (WCAG 2.x A and AA, and its best practices).
 */
public final class Axe {

    private static final Path SCRIPT = Path.of("src", "test", "js", "node_modules", "axe-core", "axe.min.js");

    /** Runs axe on the whole page and hands each violation to Selenium's callback as one line per element. */
    private static final String RUN = """
            const [done] = arguments;
            axe.run(document, {resultTypes: ['violations']}).then(
              r => done(r.violations.flatMap(v => v.nodes.map(n =>
                  v.id + ' (' + v.impact + ') ' + JSON.stringify(n.target) + ': ' + v.help + '\\n    '
                  + n.failureSummary.replace(/\\n/g, '\\n    ')))),
              e => done(['axe failed: ' + e]));
            """;

    private static String source;

    private Axe() {}

    /**
     * The violations axe finds in the page, one line each: rule id, impact, the element's selector, what is wrong.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof axe === 'object'"))) {
            page.executeScript(source());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) page.executeAsyncScript(RUN);
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(SCRIPT + " is missing: run src/dev/test-up (npm ci in src/test/js)", e);
            }
        }
        return source;
    }
}
