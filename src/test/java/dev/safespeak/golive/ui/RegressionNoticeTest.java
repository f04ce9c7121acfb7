package dev.safespeak.golive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.RegressionNoticeService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * When the readiness checks set an item back (item.regressed), the item's owner is told on their next page until they
 * open the item or dismiss the notice; nobody else is.
 */
@Import(SwitchableCheck.class)
class RegressionNoticeTest extends KaribuTest {

    @Autowired
    ReleaseService service;
    @Autowired
    ChecklistTemplateService checklistTemplates;
    @Autowired
    ReleaseItemService releaseItems;
    @Autowired
    ReadinessCheckService checks;
    @Autowired
    RegressionNoticeService notices;
    @Autowired
    Clock clock;

    /** A user of its own per test: what a user has seen is stored per user name. */
    final String owner = "owner-" + UUID.randomUUID();

    @AfterEach
    void passAgain() {
        SwitchableCheck.PASSING.set(true);
    }

    /** A new release's item bound to the switchable check, marked done by its owner, then regressed by the schedule. */
    ItemView regressedItem() {
        login("admin", Role.ADMIN);
        long release = service.createRelease("Regress " + UUID.randomUUID(), "2.0", LocalDate.now(clock).plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
        ItemView item = service.findItemByKey(release, SwitchableCheck.KEY).orElseThrow();
        login(owner, item.owner());
        // Regressions left by other tests on this database are not this test's business.
        notices.markSeen(notices.unseen().stream().map(n -> n.item().id()).toList());
        releaseItems.changeStatus(item.id(), ItemStatus.DONE, null);
        regressAgain();
        ItemView regressed = releaseItems.item(item.id());
        assertThat(regressed.regressed()).isTrue();
        assertThat(regressed.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        return regressed;
    }

    void regressAgain() {
        SwitchableCheck.PASSING.set(false);
        checks.runAs(checks.checks().stream().filter(c -> c.name().equals(SwitchableCheck.NAME)).findFirst()
                .orElseThrow(), ReadinessCheckService.SCHEDULER);
    }

    void openReleases() {
        UI.getCurrent().navigate(ReleasesView.class);
    }

    List<RegressionBanner> banners() {
        return _find(RegressionBanner.class).stream().filter(Component::isVisible).toList();
    }

    @Test
    void the_owner_sees_on_the_next_page_which_item_regressed_and_which_check_fails() {
        ItemView item = regressedItem();
        login(owner, item.owner());

        openReleases();

        RegressionBanner banner = _get(RegressionBanner.class);
        assertThat(banner.isVisible()).isTrue();
        // Usually 1; more when the failing run also set back items that other tests on this database left done.
        int count = notices.unseen().size();
        assertThat(count).isPositive();
        assertThat(banner.title.getText()).isEqualTo(count + " of your items regressed");
        RouterLink link = _get(banner, RouterLink.class, spec -> spec.withId("regression-notice-item-" + item.id()));
        assertThat(link.getText()).isEqualTo(item.text());
        assertThat(link.getHref()).isEqualTo("releases/" + item.releaseId() + "?item=" + item.id());
        assertThat(_get(banner, Span.class, spec -> spec.withText(" in " + service.release(item.releaseId()).name()
                + " 2.0: check " + SwitchableCheck.NAME + " is failing"))).isNotNull();
    }

    @Test
    void other_roles_and_viewers_see_no_notice() {
        ItemView item = regressedItem();
        Role other = item.owner() == Role.DEVOPS ? Role.QA_LEAD : Role.DEVOPS;
        login("someone-else", other);
        assertThat(notices.unseen()).noneMatch(n -> n.item().id() == item.id());
        login("viewer", Role.VIEWER);
        openReleases();
        assertThat(banners()).isEmpty();
    }

    @Test
    void opening_the_item_from_the_notice_opens_its_detail_and_the_notice_goes() {
        ItemView item = regressedItem();
        login(owner, item.owner());
        openReleases();
        assertThat(banners()).hasSize(1);

        UI.getCurrent().navigate(ReleaseBoardView.class,
                new RouteParameters("releaseId", String.valueOf(item.releaseId())),
                QueryParameters.simple(Map.of("item", String.valueOf(item.id()))));

        ReleaseBoardView board = _get(ReleaseBoardView.class);
        assertThat(board.detail.isOpened()).isTrue();
        assertThat(board.detail.itemId()).isEqualTo(item.id());
        assertThat(banners()).as("seen when opened").isEmpty();
        assertThat(notices.unseen()).noneMatch(n -> n.item().id() == item.id());
        // The history says what happened in words.
        assertThat(board.detail.history.getChildren().map(c -> ((Span) c).getText()).toList())
                .anyMatch(line -> line.contains("The automated checks found a bound check failing: Readiness check '"
                        + SwitchableCheck.NAME + "' failed"))
                .anyMatch(line -> line.contains("The automated checks set the status Done → In progress"));
    }

    @Test
    void opening_the_item_on_the_board_removes_it_from_the_notice_on_the_same_page() {
        ItemView item = regressedItem();
        login(owner, item.owner());
        UI.getCurrent().navigate(ReleaseBoardView.class,
                new RouteParameters("releaseId", String.valueOf(item.releaseId())));
        assertThat(banners()).hasSize(1);

        BoardRows.clickDetails(_get(ReleaseBoardView.class), item.id());

        assertThat(banners().stream().flatMap(b -> _find(b, RouterLink.class).stream()).map(Component::getId)
                .flatMap(java.util.Optional::stream)).doesNotContain("regression-notice-item-" + item.id());
    }

    @Test
    void dismissing_hides_the_notice_until_the_item_regresses_again() {
        ItemView item = regressedItem();
        login(owner, item.owner());
        openReleases();

        _click(_get(RegressionBanner.class).dismiss);

        assertThat(banners()).isEmpty();
        openReleases();
        assertThat(banners()).as("dismissed stays dismissed on the next page").isEmpty();

        // Done again, then the check fails again: a new regression is a new notice.
        releaseItems.changeStatus(item.id(), ItemStatus.DONE, null);
        regressAgain();
        login(owner, item.owner());
        openReleases();
        assertThat(banners()).hasSize(1);
        assertThat(_find(banners().get(0), RouterLink.class, spec -> spec.withId("regression-notice-item-" + item.id())))
                .hasSize(1);
    }
}
