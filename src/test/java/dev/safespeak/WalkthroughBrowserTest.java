package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Walks the demo as a new user would, signed in as qa_lead, security_lead, viewer and cto, at a desktop size
 * (1440x900) and a phone size (390x844): the releases list, the sample release's board, its evidence page, the
 * executive page and the console (for the roles that may open it). On every page no visible text, input, button or
 * link may end beyond the right edge of the window ({@link BrowserTest#overflowing}), and a screenshot of each is
 * kept in target/walkthrough/ to look at. Along the way it checks what each role may do: the viewer has no enabled
 * status select, the QA lead changes an item they own, the CTO sees Approve disabled with the reason while
 * sign-offs are missing. The committed screenshots in docs/guide/img come from {@link ScreenshotsTest}.
 */
@ActiveProfiles("demo")
@TestPropertySource(properties = "vaadin.devmode.devTools.enabled=false")
class WalkthroughBrowserTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target/walkthrough");

    private static final List<Dimension> SIZES = List.of(new Dimension(1440, 900), new Dimension(390, 844));

    /** The sample release that demo mode creates. */
    private static final long DEMO_RELEASE = 1;

    private record Page(String name, String path, By ready) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("releases", "releases", By.cssSelector("#open-" + DEMO_RELEASE)),
            new Page("board", "releases/" + DEMO_RELEASE, By.cssSelector("[id^=item-]")),
            new Page("evidence", "releases/" + DEMO_RELEASE + "/evidence", By.id("checks")),
            new Page("executive", "executive/" + DEMO_RELEASE, By.id("chain")),
            new Page("console", "console", By.tagName("vaadin-text-area")));

    /** The demo users that may open the console (its {@code @RolesAllowed}); the others are refused it. */
    private static final Set<String> CONSOLE_USERS = Set.of("qa_lead");

    @ParameterizedTest
    @ValueSource(strings = {"qa_lead", "security_lead", "viewer", "cto"})
    void every_page_fits_the_window_at_desktop_and_phone_size(String user) throws IOException {
        Files.createDirectories(SHOTS);
        WebDriver browser = openBrowser();
        signIn(browser, user, "demo");
        List<String> problems = new ArrayList<>();
        for (Dimension size : SIZES) {
            browser.manage().window().setSize(size);
            for (Page page : PAGES) {
                if (page.name().equals("console") && !CONSOLE_USERS.contains(user)) {
                    continue;
                }
                open(browser, page.path());
                waitFor(browser, page.ready());
                if (page.name().equals("console")) {
                    DemoPages.scoreInConsole(browser, "Shut up, you idiot.");
                }
                String shot = user + "-" + page.name() + "-" + size.getWidth() + ".png";
                Files.write(SHOTS.resolve(shot), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                List<String> cut = overflowing(browser);
                if (!cut.isEmpty()) {
                    problems.add(page.name() + " at " + size.getWidth() + "x" + size.getHeight() + " (" + shot + "): "
                            + cut.size() + " beyond the right edge: " + String.join("; ", cut.subList(0,
                            Math.min(12, cut.size()))));
                }
            }
        }
        assertThat(problems).as("pages of %s with elements beyond the window's right edge", user).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"security_lead", "viewer", "cto"})
    void the_console_is_refused_to_roles_without_it(String user) {
        WebDriver browser = openBrowser();
        signIn(browser, user, "demo");
        open(browser, "console");
        assertThat(browser.findElements(By.tagName("vaadin-text-area"))).as("the console's text area").isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("TOXICITY");
    }

    @org.junit.jupiter.api.Test
    void the_viewer_has_no_enabled_status_select() {
        WebDriver browser = boardAs("viewer");
        List<WebElement> selects = browser.findElements(By.cssSelector("[id^=item-] vaadin-select"));
        assertThat(selects).as("status selects on the board").hasSizeGreaterThan(100);
        assertThat(selects).filteredOn(s -> s.getDomAttribute("disabled") == null).as("enabled status selects")
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_qa_lead_changes_an_item_they_own_and_the_change_is_kept() {
        WebDriver browser = boardAs("qa_lead");
        List<WebElement> enabled = browser.findElements(By.cssSelector("[id^=item-] vaadin-select")).stream()
                .filter(s -> s.getDomAttribute("disabled") == null)
                .filter(s -> s.getText().contains("Open")).toList();
        assertThat(enabled).as("open items the QA lead may change").isNotEmpty();
        String rowId = enabled.get(0).findElement(By.xpath("./ancestor::*[starts-with(@id,'item-')][1]"))
                .getDomAttribute("id");
        By select = By.cssSelector("#" + rowId + " vaadin-select");
        By shown = By.cssSelector("#" + rowId + " vaadin-select-value-button");

        pick(browser, select, "In progress");
        open(browser, "releases/" + DEMO_RELEASE);
        assertThat(waitFor(browser, shown).getText()).as("status of %s after a reload", rowId)
                .isEqualTo("In progress");
        // Back to Open, so the other browser tests on this demo data see it as demo mode made it.
        pick(browser, select, "Open");
        open(browser, "releases/" + DEMO_RELEASE);
        assertThat(waitFor(browser, shown).getText()).isEqualTo("Open");
    }

    @org.junit.jupiter.api.Test
    void the_cto_sees_approve_disabled_with_the_reason_while_sign_offs_are_missing() {
        WebDriver browser = openBrowser();
        signIn(browser, "cto", "demo");
        open(browser, "executive/" + DEMO_RELEASE);
        WebElement approve = waitFor(browser, By.id("sign-CTO"));
        assertThat(approve.getText()).isEqualTo("Approve");
        assertThat(approve.getDomAttribute("disabled")).as("Approve is disabled").isNotNull();
        assertThat(browser.findElement(By.id("why-not-CTO")).getText())
                .contains("Final approval needs every technical and business sign-off").contains("missing");
        // Rejecting stays possible: it is allowed at any time.
        assertThat(browser.findElement(By.id("reject-CTO")).getDomAttribute("disabled")).isNull();
    }

    /** A new browser signed in as {@code user} (password "demo") showing the demo release's board. */
    private WebDriver boardAs(String user) {
        WebDriver browser = openBrowser();
        signIn(browser, user, "demo");
        open(browser, "releases/" + DEMO_RELEASE);
        waitFor(browser, By.cssSelector("[id^=item-]"));
        return browser;
    }

    private void pick(WebDriver browser, By select, String label) {
        WebElement field = waitFor(browser, select);
        // The board scrolls inside the app layout, not the document: bring the row into the window first.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        visibleOption(browser, label).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, PAGE_TIMEOUT).until(b -> {
            try {
                return b.findElement(select).getText().contains(label);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the row is being redrawn
            }
        });
        waitForVaadin(browser);
    }
}
