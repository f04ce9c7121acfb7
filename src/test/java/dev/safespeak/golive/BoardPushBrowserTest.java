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

        waitFor(changer, By.cssSelector("#item-" + item.id() + " vaadin-select")).click();
        WebElement inProgress = waitFor(changer,
                By.xpath("//vaadin-select-item[normalize-space(.)='" + ItemStatus.IN_PROGRESS.label() + "']"));
        long clickedAt = System.nanoTime();
        inProgress.click();
        // First the changing window itself must show the new status: that proves the change was made, so a
        // timeout below can only mean the push did not reach the other window.
        new WebDriverWait(changer, PUSH_TIMEOUT).until(b -> b.findElement(watchedStatus).getText()
                .equals(ItemStatus.IN_PROGRESS.label()));

        new WebDriverWait(watcher, PUSH_TIMEOUT).until(b -> b.findElement(watchedStatus).getText()
                .equals(ItemStatus.IN_PROGRESS.label()));
        log.info("push reached the second window {} ms after the click",
                Duration.ofNanos(System.nanoTime() - clickedAt).toMillis());
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        assertThat(releases.item(item.id()).status()).isEqualTo(ItemStatus.IN_PROGRESS);
    }
}
