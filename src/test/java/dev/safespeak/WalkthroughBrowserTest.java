package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.evidence.internal.EvidenceStore;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    ReadinessCheckService checks;
    @Autowired
    EvidenceStore evidenceStore;

    private static final Path SHOTS = Path.of("target/walkthrough");
    private static final Path GUIDE_IMAGES = Path.of("docs/guide/img");

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
                // The evidence page is long: its evaluation form (label and helper text on a phone) gets a shot too.
                for (WebElement csv : browser.findElements(By.id("evaluation-csv"))) {
                    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", csv);
                    Files.write(SHOTS.resolve(user + "-" + page.name() + "-csv-" + size.getWidth() + ".png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
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
    void the_viewer_sees_status_badges_and_no_status_select() {
        WebDriver browser = boardAs("viewer");
        assertThat(browser.findElements(By.cssSelector("[id^=item-] vaadin-select"))).as("status selects").isEmpty();
        assertThat(browser.findElements(By.cssSelector("[id^=item-] span.board-item-status")))
                .as("status badges on the board").hasSizeGreaterThan(100);
    }

    @org.junit.jupiter.api.Test
    void a_details_button_opens_its_item_from_the_keyboard() {
        WebDriver browser = boardAs("viewer");
        WebElement row = browser.findElements(By.cssSelector("[id^=item-]")).get(0);
        String id = row.getDomAttribute("id").substring("item-".length());
        String text = row.findElement(By.cssSelector(".board-item-label")).getText();
        WebElement details = browser.findElement(By.cssSelector("#item-" + id + " button.board-item-details"));
        assertThat(details.getDomAttribute("aria-label")).isEqualTo("Details of " + text);

        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", details);
        assertThat(browser.switchTo().activeElement()).as("the focused element").isEqualTo(details);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ENTER).perform();

        WebElement dialog = waitFor(browser, By.cssSelector("vaadin-dialog-overlay[opened]"));
        assertThat(dialog.getText()).contains(text);
        new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> b.getCurrentUrl().endsWith("?item=" + id));
        assertThat(browser.getCurrentUrl()).endsWith("/releases/" + DEMO_RELEASE + "?item=" + id);
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

    @org.junit.jupiter.api.Test
    void done_while_a_bound_check_fails_asks_first_and_cancel_keeps_the_status() throws IOException {
        ItemView item = openItemOfQaLeadWithACheck();
        ReadinessCheck bound = checks.checksForKey(item.key()).get(0);
        String check = bound.name();
        // The check's newest run fails (as if the schedule had just run it).
        evidenceStore.insertCheckRun(check, false, "macro F1 0.81, at least 0.85 required", 12, Instant.now(),
                ReadinessCheckService.SCHEDULER);
        try {
            askAndCancel(item, check);
        } finally {
            // The real check runs again, so the pages other tests see on this database show its real result.
            checks.runAs(bound, ReadinessCheckService.SCHEDULER);
        }
    }

    private void askAndCancel(ItemView item, String check) throws IOException {
        WebDriver browser = boardAs("qa_lead");
        By select = By.cssSelector("#item-" + item.id() + " vaadin-select");

        for (Dimension size : SIZES) {
            browser.manage().window().setSize(size);
            open(browser, "releases/" + DEMO_RELEASE);
            pickWithoutWaiting(browser, select, "Done");
            WebElement dialog = waitFor(browser, By.cssSelector("vaadin-dialog-overlay[opened]"));
            assertThat(dialog.getText()).contains("A readiness check for this item is failing")
                    .contains(check + " failed").contains("scheduled run").contains("macro F1 0.81, at least 0.85 required")
                    .contains("Mark done with check evidence").contains("Mark done anyway").contains("Cancel");
            shoot(browser, "qa_lead-done-confirm-" + size.getWidth() + ".png", "board-done-confirm-" + size.getWidth());
            assertThat(overflowing(browser)).as("the question at %s px", size.getWidth()).isEmpty();

            browser.findElement(By.id("done-confirm-cancel")).click();
            waitForVaadin(browser);
            assertThat(browser.findElements(By.cssSelector("vaadin-dialog-overlay[opened]"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#item-" + item.id() + " vaadin-select-value-button"))
                    .getText()).isEqualTo("Open");
            assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.OPEN);
        }
    }

    @org.junit.jupiter.api.Test
    void a_regression_tells_its_owner_on_the_next_page_and_the_notice_opens_the_item() throws IOException {
        ItemView item = openItemOfQaLeadWithACheck();
        releaseItems.markRegressed(item.id(), "Readiness check 'load-test' failed at 2026-12-05T21:00:00Z: p95 2400 ms");
        try {
            WebDriver browser = openBrowser();
            signIn(browser, "qa_lead", "demo");
            for (Dimension size : SIZES) {
                browser.manage().window().setSize(size);
                open(browser, "releases");
                WebElement notice = waitFor(browser, By.id("regression-notice"));
                assertThat(notice.getText()).containsPattern("\\d+ of your items regressed").contains(item.text())
                        .contains("Dismiss");
                shoot(browser, "qa_lead-regression-notice-" + size.getWidth() + ".png",
                        "board-regression-notice-" + size.getWidth());
                assertThat(overflowing(browser)).as("the notice at %s px", size.getWidth()).isEmpty();
            }

            browser.findElement(By.id("regression-notice-item-" + item.id())).click();
            WebElement detail = waitFor(browser, By.cssSelector("vaadin-dialog-overlay[opened]"));
            assertThat(detail.getText()).contains(item.text()).contains("The automated checks found a bound check failing");
            assertThat(browser.getCurrentUrl()).endsWith("/releases/" + DEMO_RELEASE + "?item=" + item.id());
            assertThat(browser.findElements(By.id("regression-notice-item-" + item.id()))).as("seen once opened")
                    .noneMatch(WebElement::isDisplayed);

            // Back with the item open: the releases list, and no dialog left over it.
            browser.navigate().back();
            waitFor(browser, By.cssSelector("#open-" + DEMO_RELEASE));
            waitForVaadin(browser);
            assertThat(browser.findElements(By.cssSelector("vaadin-dialog-overlay[opened]"))).isEmpty();
            // Forward: the board's address still names the item, so it opens again.
            browser.navigate().forward();
            WebElement again = waitFor(browser, By.cssSelector("vaadin-dialog-overlay[opened]"));
            assertThat(again.getText()).contains(item.text());
        } finally {
            releaseItems.clearRegressed(item.id(), "the test is over");
        }
    }

    @org.junit.jupiter.api.Test
    void the_board_filters_live_in_the_address_and_survive_a_reload() {
        WebDriver browser = boardAs("qa_lead");
        browser.findElement(By.cssSelector("#filter-mine input")).click();
        new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> b.getCurrentUrl().contains("mine=true"));
        waitForVaadin(browser);
        int mine = browser.findElements(By.cssSelector("[id^=item-]")).size();

        browser.navigate().refresh();
        waitForVaadin(browser);
        waitFor(browser, By.cssSelector("[id^=item-]"));
        assertThat(browser.findElement(By.id("filter-mine")).getDomAttribute("checked")).isNotNull();
        assertThat(browser.findElements(By.cssSelector("[id^=item-]"))).hasSize(mine);
        assertThat(browser.getCurrentUrl()).endsWith("/releases/" + DEMO_RELEASE + "?mine=true");
    }

    /** An open item of the demo release that the QA lead owns and a readiness check is bound to. */
    private ItemView openItemOfQaLeadWithACheck() {
        return releases.board(DEMO_RELEASE).items().stream()
                .filter(i -> i.owner() == Role.QA_LEAD && i.status() == ItemStatus.OPEN && !i.regressed())
                .filter(i -> !checks.checksForKey(i.key()).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no open QA item with a bound check in the demo"));
    }

    /** Keeps a screenshot in target/walkthrough and, for the board guide, as docs/guide/img/{guideName}.png. */
    private static void shoot(WebDriver browser, String name, String guideName) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), png);
        Files.write(GUIDE_IMAGES.resolve(guideName + ".png"), png);
    }

    /** Picks an option of a select and waits for the round trip, not for the select to show it. */
    private void pickWithoutWaiting(WebDriver browser, By select, String label) {
        WebElement field = waitFor(browser, select);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        clickOption(browser, label);
        waitForVaadin(browser);
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
        clickOption(browser, label);
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
