package io.newsarchive.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headless Chromium a test class reads its pages with: started before the class's first test, quit after its
 * last, and pointed at the app under test. Declare it {@code @RegisterExtension static final PageBrowser browser =
 * new PageBrowser();} and use it as the {@link WebDriver} it is.
 */
public final class PageBrowser
        implements WebDriver, JavascriptExecutor, TakesScreenshot, Interactive, BeforeAllCallback, AfterAllCallback {

    private ChromiumDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        driver = (ChromiumDriver) HeadlessChromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The address of {@code path} ({@code /articles/1}, {@code /?q=x}) in the app under test. */
    public String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    /** Loads {@code path} of the app under test. */
    public void open(String path) {
        driver.get(url(path));
    }

    /** Signs in on the catalog's sign-in page and waits until it has led on. */
    public void signIn(String username, String password) {
        open("/signin");
        findElement(By.id("username")).sendKeys(username);
        findElement(By.id("password")).sendKeys(password);
        HeadlessChromium.clickAndLoad(this, findElement(By.cssSelector("form.stacked button")));
        new WebDriverWait(this, Duration.ofSeconds(60))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
    }

    /** Signs out with the button of the catalog's front page and waits until the page offers to sign in. */
    public void signOut() {
        open("/");
        HeadlessChromium.clickAndLoad(this, findElement(By.xpath("//button[normalize-space()='Sign out']")));
        new WebDriverWait(this, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
    }

    /** A command of the Chrome DevTools Protocol, such as {@code Emulation.setDeviceMetricsOverride}. */
    public Map<String, Object> executeCdpCommand(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    @Override
    public void get(String url) {
        driver.get(url);
    }

    @Override
    public String getCurrentUrl() {
        return driver.getCurrentUrl();
    }

    @Override
    public String getTitle() {
        return driver.getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return driver.findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return driver.findElement(by);
    }

    @Override
    public String getPageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.close();
    }

    @Override
    public void quit() {
        driver.quit();
    }

    @Override
    public Set<String> getWindowHandles() {
        return driver.getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return driver.getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return driver.switchTo();
    }

    @Override
    public Navigation navigate() {
        return driver.navigate();
    }

    @Override
    public Options manage() {
        return driver.manage();
    }

    @Override
    public Object executeScript(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    @Override
    public Object executeAsyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    @Override
    public void perform(Collection<Sequence> actions) {
        driver.perform(actions);
    }

    @Override
    public void resetInputState() {
        driver.resetInputState();
    }

    @Override
    public <X> X getScreenshotAs(OutputType<X> target) {
        return driver.getScreenshotAs(target);
    }
}
