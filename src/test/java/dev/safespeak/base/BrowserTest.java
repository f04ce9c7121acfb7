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
    public static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

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

    /**
     * Visible elements a person reads or uses (an element with text of its own, an input, a button, a link) whose
     * right edge is beyond the window's (1 px allowed), in the light DOM and in every open shadow root. The document's
     * scrollWidth proves nothing: Vaadin's layouts clip what overflows inside their own scrollers. Elements inside a
     * {@code [data-scrolls-sideways]} container are left out: a view sets that attribute only where sideways
     * scrolling is the design and says why next to it. Each entry is a short path to the element, its right edge
     * and the start of its text.
     */
    private static final String OVERFLOWING = """
            window.scrollTo(0, window.scrollY);
            const width = window.innerWidth;
            const found = [];
            // Up the flat tree: a slotted element is drawn where its slot is, so its slot comes before its parent.
            const up = el => el.assignedSlot || el.parentElement || (el.getRootNode() && el.getRootNode().host);
            const ownText = el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
            const uses = el => /^(INPUT|TEXTAREA|BUTTON|A|VAADIN-BUTTON|VAADIN-SELECT-VALUE-BUTTON)$/.test(el.tagName)
                || el.getAttribute('role') === 'button' || el.getAttribute('role') === 'tab';
            // Screen-reader-only boxes (Vaadin's sr-label slot: 1x1 px, clipped) hold text nobody sees.
            const srOnly = s => s.overflow === 'hidden' && (s.clipPath === 'inset(50%)' || s.clip.startsWith('rect(1px'));
            const visit = root => {
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) visit(el.shadowRoot);
                if (!(ownText(el) || uses(el))) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') continue;
                let inScroller = false, hidden = false;
                for (let p = up(el); p; p = up(p)) {
                  if (p.nodeType !== 1) continue;
                  if (p.hasAttribute('data-scrolls-sideways') || p.tagName === 'VAADIN-CONNECTION-INDICATOR') {
                    inScroller = true;
                    break;
                  }
                  if (p.hasAttribute('hidden') || srOnly(getComputedStyle(p))) { hidden = true; break; }
                }
                if (inScroller || hidden) continue;
                let path = '';
                for (let p = el, i = 0; i < 3 && p; p = up(p)) {
                  if (p.tagName === 'SLOT') continue;
                  i++;
                  path = p.tagName.toLowerCase() + (p.id ? '#' + p.id : '')
                      + (p.className && typeof p.className === 'string' && p.className.trim()
                         ? '.' + p.className.trim().split(/\s+/)[0] : '') + (path ? '>' + path : '');
                }
                found.push(path + ' (' + Math.round(r.right) + ' px: "' + (el.innerText || el.value || '')
                    .trim().slice(0, 30).replace(/\s+/g, ' ') + '")');
              }
            };
            visit(document);
            return found;""";

    /**
     * The visible texts, inputs, buttons and links that end beyond the right edge of the window (see
     * {@link #OVERFLOWING}); empty when nothing is cut off or needs sideways scrolling.
     */
    @SuppressWarnings("unchecked")
    protected static List<String> overflowing(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(OVERFLOWING);
    }

    /**
     * The visible option {@code label} of the select overlay that was just opened; an earlier, closing overlay may
     * still hold a hidden option of the same name, and every select shows its value as a copy of its option.
     */
    protected static WebElement visibleOption(WebDriver browser, String label) {
        By option = By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"
                + "[not(ancestor::vaadin-select-value-button)]");
        return new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> b.findElements(option).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Chooses the visible option {@code label} of the select overlay that was just opened. It waits until the overlay
     * has finished opening and the option has stopped moving (at phone width the overlay is placed again once it
     * knows its size, so a click at the first position of "Done" once landed on "Blocked" in CI), then clicks the
     * option itself by script: the item receives the click whatever is drawn over that spot for a moment, such as a
     * notification still fading out.
     */
    protected static void clickOption(WebDriver browser, String label) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String[] lastRect = {""};
        WebElement option = new WebDriverWait(browser, PAGE_TIMEOUT).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> {
                    WebElement candidate = visibleOption(b, label);
                    String rect = (String) js.executeScript("""
                            const item = arguments[0];
                            const overlay = item.closest('vaadin-select-overlay')
                                || document.querySelector('vaadin-select-overlay[opened]');
                            if (overlay && (overlay.hasAttribute('opening') || !overlay.hasAttribute('opened'))) return '';
                            const r = item.getBoundingClientRect();
                            return r.width > 0 ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : '';""",
                            candidate);
                    boolean still = !rect.isEmpty() && rect.equals(lastRect[0]);
                    lastRect[0] = rect;
                    return still ? candidate : null;
                });
        js.executeScript("arguments[0].click()", option);
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
