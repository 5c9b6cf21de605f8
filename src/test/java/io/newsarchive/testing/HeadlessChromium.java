package io.newsarchive.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The system Chromium (Debian packages chromium and chromium-driver), headless; nothing is downloaded. */
public final class HeadlessChromium {

    private HeadlessChromium() {}

    public static WebDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("catalog-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(driver, options);
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one and loaded. The old page
     * is gone when asking about it fails: ChromeDriver says so with a stale reference or, at times, an inspector error.
     */
    public static void clickAndLoad(WebDriver browser, WebElement target) {
        WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Makes the window a phone's screen, 390 × 844 CSS pixels; {@link #desktop} goes back. */
    public static void phone(WebDriver browser) {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    /** Makes the window the desktop one the browser starts with, 1280 × 1000 CSS pixels. */
    public static void desktop(WebDriver browser) {
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** How many CSS pixels the page reaches past the right edge of the window: 0 when it does not scroll sideways. */
    public static long sidewaysOverflow(WebDriver browser) {
        return ((Number) ((JavascriptExecutor) browser)
                        .executeScript("const page = document.documentElement;"
                                + " return Math.max(0, page.scrollWidth - page.clientWidth);"))
                .longValue();
    }

    /** Saves what the browser shows under target/screenshots, to be looked at. */
    public static Path screenshot(WebDriver browser, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
