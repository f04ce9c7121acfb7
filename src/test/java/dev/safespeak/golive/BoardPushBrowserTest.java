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
import org.openqa.selenium.support.ui.WebDriverWait;
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
                LocalDate.now().plusDays(14), releases.defaultTemplate().id());
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

        Duration cold = changeAndWatch(changer, watcher, item, ItemStatus.IN_PROGRESS, PUSH_TIMEOUT);
        log.info("cold: push reached the second window {} ms after the click", cold.toMillis());

        // The second change, on a warm app and warm browsers, is what a board user experiences (issue 2: within 1 s).
        Duration warm = changeAndWatch(changer, watcher, item, ItemStatus.DONE, PUSH_TIMEOUT);
        log.info("warm: push reached the second window {} ms after the click", warm.toMillis());
        System.out.println("BoardPushBrowserTest: push latency cold " + cold.toMillis() + " ms, warm "
                + warm.toMillis() + " ms (click in one window -> new status shown in the other)");
        assertThat(warm).as("warm push latency, generous bound for a loaded 2-core machine")
                .isLessThan(WARM_PUSH_BOUND);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        assertThat(releases.item(item.id()).status()).isEqualTo(ItemStatus.DONE);
    }

    /**
     * Picks {@code next} in the changer's status select and returns the time from the click until the watcher shows
     * it, polled every {@value #POLL_MILLIS} ms (the default WebDriverWait polls every 500 ms, too coarse to measure).
     */
    private Duration changeAndWatch(WebDriver changer, WebDriver watcher, ItemView item, ItemStatus next,
                                    Duration timeout) {
        By status = By.cssSelector("#item-" + item.id() + " vaadin-select-value-button");
        waitFor(changer, By.cssSelector("#item-" + item.id() + " vaadin-select")).click();
        WebElement option = waitFor(changer,
                By.xpath("//vaadin-select-item[normalize-space(.)='" + next.label() + "']"));
        long clickedAt = System.nanoTime();
        option.click();
        // The watcher first: polling the changer first would add its wait to the measured time.
        try {
            new WebDriverWait(watcher, timeout, Duration.ofMillis(POLL_MILLIS)).until(b -> shows(b, status, next));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the other window did not show '" + next.label() + "' within " + timeout
                    + "; the changing window shows '" + changer.findElement(status).getText() + "'", e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - clickedAt);
        // The changing window shows it too: the change was made there, not only pushed.
        new WebDriverWait(changer, timeout).until(b -> shows(b, status, next));
        return latency;
    }

    private static boolean shows(WebDriver browser, By status, ItemStatus expected) {
        try {
            return browser.findElement(status).getText().equals(expected.label());
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return false; // the board is being redrawn
        }
    }
}
