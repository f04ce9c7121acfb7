package dev.safespeak.base;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the few real-browser tests: the whole application on a random port (Vaadin dev mode serving the
 * committed dev bundle, in-memory H2) driven by Debian's headless Chromium through Selenium.
 *
 * <p>The browser and driver are the system's ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}), so
 * Selenium Manager downloads nothing. Without them the tests are skipped locally and fail under {@code CI=true}.
 * The user {@code admin} has the password {@link #ADMIN_PASSWORD}. Subclasses may add profiles with
 * {@code @ActiveProfiles}, which are added to {@code test}. See docs/decisions/071-browser-tests.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "safespeak.security.admin-password=" + BrowserTest.ADMIN_PASSWORD,
        "vaadin.launch-browser=false"})
@ActiveProfiles("test")
@ExtendWith(ChromiumAvailable.class)
@Tag("browser")
public abstract class BrowserTest {

    /** The password of the {@code admin} user in browser tests. */
    protected static final String ADMIN_PASSWORD = "browser-test-admin-pw";

    /** How long to wait for a page or an element; generous because a cold dev server may still be warming up. */
    protected static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    private final List<WebDriver> browsers = new ArrayList<>();

    /** Opens a new headless Chromium window; it is closed after the test. */
    protected WebDriver openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumAvailable.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumAvailable.CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
        browsers.add(driver);
        return driver;
    }

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : browsers) {
            try {
                browser.quit();
            } catch (RuntimeException ignored) {
                // the browser is gone already; nothing to clean up
            }
        }
        browsers.clear();
    }

    /** The absolute URL of {@code path} (for example {@code "login"}) on the running application. */
    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Opens {@code path} and waits until Vaadin has rendered the view (no dev-bundle or loading page left). */
    protected void open(WebDriver browser, String path) {
        browser.get(url(path));
        waitForVaadin(browser);
    }

    /** Waits until the Vaadin client has finished its round trips. */
    protected void waitForVaadin(WebDriver browser) {
        new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b).executeScript(
                "return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))")));
    }

    /** Waits for an element to be visible and returns it. */
    protected WebElement waitFor(WebDriver browser, By locator) {
        return new WebDriverWait(browser, PAGE_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Signs in through the login form as {@code username} and waits until the browser has left the login page. */
    protected void signIn(WebDriver browser, String username, String password) {
        open(browser, "login");
        WebElement user = waitFor(browser, By.cssSelector("#vaadinLoginUsername input"));
        user.sendKeys(username);
        WebElement pass = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
        pass.sendKeys(password, Keys.ENTER);
        new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> !b.getCurrentUrl().contains("/login"));
        waitForVaadin(browser);
    }
}
