package dev.safespeak.golive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import dev.safespeak.security.Role;
import dev.safespeak.security.UserService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Server push: a status change in one browser window appears in another window on the same board without reload. */
class BoardPushBrowserTest extends BrowserTest {

    private static final Logger log = LoggerFactory.getLogger(BoardPushBrowserTest.class);

    /** Upper bound for the change and its push to arrive; a cold dev-mode app on a loaded 2-core CI machine took 13 s once. */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(30);

    /** Bound for the second, warm change; the target is 1 s, the bound leaves room for a loaded CI machine. */
    private static final Duration WARM_PUSH_BOUND = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 10;

    @Autowired
    ReleaseService releases;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;

    @Autowired
    UserService users;

    @AfterEach
    void signOutOfTheTestThread() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_status_change_in_one_window_appears_in_the_other() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        ReleaseView release = releases.createRelease("Push test", "1." + System.nanoTime(),
                LocalDate.now().plusDays(14), checklistTemplates.defaultTemplate().id());
        ItemView item = releases.items(release.id()).stream()
                .filter(i -> i.owner() == Role.DEVOPS && i.status() == ItemStatus.OPEN)
                .findFirst().orElseThrow();
        users.create("push-devops", null, "push-password", EnumSet.of(Role.DEVOPS));
        SecurityContextHolder.clearContext();

        WebDriver watcher = openBrowser();
        signIn(watcher, "push-devops", "push-password");
        open(watcher, "releases/" + release.id());
        WebDriver changer = openBrowser();
        signIn(changer, "push-devops", "push-password");
        open(changer, "releases/" + release.id());
        By watchedStatus = By.cssSelector("#item-" + item.id() + " vaadin-select-value-button");
        assertThat(waitFor(watcher, watchedStatus).getText()).isEqualTo("Open");

        Latency cold = changeAndWatch(changer, watcher, item, ItemStatus.IN_PROGRESS, PUSH_TIMEOUT);
        // The second change, on a warm app and warm browsers, is what a board user experiences (issue 2: within 1 s).
        Latency warm = changeAndWatch(changer, watcher, item, ItemStatus.DONE, PUSH_TIMEOUT);
        String measured = "push latency, click in one window -> new status shown: cold " + cold.changer().toMillis()
                + " ms in the changing window, " + cold.watcher().toMillis() + " ms in the other; warm "
                + warm.changer().toMillis() + " ms in the changing window, " + warm.watcher().toMillis()
                + " ms in the other";
        log.info(measured);
        System.out.println("BoardPushBrowserTest: " + measured);
        assertThat(warm.watcher()).as("warm push latency, generous bound for a loaded 2-core machine")
                .isLessThan(WARM_PUSH_BOUND);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        assertThat(releaseItems.item(item.id()).status()).isEqualTo(ItemStatus.DONE);
    }

    /** What one change took: from the click until the changing window and until the other window showed it. */
    private record Latency(Duration changer, Duration watcher) {
    }

    /**
     * Picks {@code next} in the changer's status select and measures, polling both windows every {@value #POLL_MILLIS}
     * ms (the default WebDriverWait polls every 500 ms, too coarse to measure), when each shows it. The changer's
     * time is the round trip of the change itself (its row redrawn by the server's answer); the watcher's minus the
     * changer's is roughly what push adds.
     */
    private Latency changeAndWatch(WebDriver changer, WebDriver watcher, ItemView item, ItemStatus next,
                                   Duration timeout) {
        By status = By.cssSelector("#item-" + item.id() + " vaadin-select-value-button");
        // The select shows the picked value before the server answers; the server's answer replaces the row.
        WebElement changerRowBefore = changer.findElement(By.id("item-" + item.id()));
        waitFor(changer, By.cssSelector("#item-" + item.id() + " vaadin-select")).click();
        visibleOption(changer, next.label());
        long clickedAt = System.nanoTime();
        clickOption(changer, next.label());
        Duration changerSaw = null;
        Duration watcherSaw = null;
        long deadline = clickedAt + timeout.toNanos();
        while ((changerSaw == null || watcherSaw == null) && System.nanoTime() < deadline) {
            if (watcherSaw == null && shows(watcher, status, next)) {
                watcherSaw = Duration.ofNanos(System.nanoTime() - clickedAt);
            }
            if (changerSaw == null && isStale(changerRowBefore) && shows(changer, status, next)) {
                changerSaw = Duration.ofNanos(System.nanoTime() - clickedAt);
            }
            sleep(POLL_MILLIS);
        }
        if (changerSaw == null) {
            throw new AssertionError("the changing window did not show '" + next.label() + "' within " + timeout
                    + ": the change was not made, so push cannot be judged");
        }
        if (watcherSaw == null) {
            throw new AssertionError("the other window did not show '" + next.label() + "' within " + timeout
                    + " although the changing window did after " + changerSaw.toMillis() + " ms");
        }
        return new Latency(changerSaw, watcherSaw);
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching the boards", e);
        }
    }

    private static boolean shows(WebDriver browser, By status, ItemStatus expected) {
        try {
            return browser.findElement(status).getText().equals(expected.label());
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return false; // the board is being redrawn
        }
    }
}
